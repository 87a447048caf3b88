using Infosync.Deploy.Settings;

namespace Infosync.Build;

/// <summary>Which settings each task needs, so that a run checks exactly those of the tasks it will execute.</summary>
internal static class TaskNeeds
{
    public static SettingsRequest For(string taskName)
    {
        var environment = DeployEnvironment.FromTaskName(taskName);
        IReadOnlyCollection<DeployEnvironment> target = environment is null ? [] : [environment];
        return taskName switch
        {
            "BuildImage" => new SettingsRequest(TagNeed.Required, Build: true, Repository: true, RegistryLogin: false, []),
            "PushImage" => new SettingsRequest(TagNeed.Required, Build: false, Repository: true, RegistryLogin: true, []),
            _ when taskName.StartsWith("Deploy", StringComparison.Ordinal) =>
                new SettingsRequest(TagNeed.Required, Build: false, Repository: true, RegistryLogin: true, target),
            _ when taskName.StartsWith("Rollback", StringComparison.Ordinal) =>
                new SettingsRequest(TagNeed.Rollback, Build: false, Repository: true, RegistryLogin: false, target),
            _ when taskName.StartsWith("Status", StringComparison.Ordinal) =>
                new SettingsRequest(TagNeed.None, Build: false, Repository: true, RegistryLogin: false, target),
            _ when taskName.StartsWith("Unlock", StringComparison.Ordinal) =>
                new SettingsRequest(TagNeed.None, Build: false, Repository: false, RegistryLogin: false, target),
            _ => SettingsRequest.None,
        };
    }
}
