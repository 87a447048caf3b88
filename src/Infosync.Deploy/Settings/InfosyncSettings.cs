namespace Infosync.Deploy.Settings;

/// <summary>All settings of one run, read once before the first task and never changed.</summary>
public sealed record InfosyncSettings(
    bool DryRun,
    RunOrigin Origin,
    string? ImageTag,
    RegistrySettings? Registry,
    BuildSettings? Build,
    IReadOnlyDictionary<DeployEnvironment, DeployTarget> Targets)
{
    /// <summary>Reads every setting <paramref name="request"/> needs; throws one <see cref="SettingsException"/> listing all problems.</summary>
    public static InfosyncSettings Load(
        ISettingSource source, SettingsRequest request, string workingDirectory, string homeDirectory)
    {
        var reader = new SettingsReader(source);
        var dryRun = reader.Switch(SettingNames.DryRunArguments);
        var tagName = request.Tag == TagNeed.Rollback ? SettingNames.RollbackTag : SettingNames.ImageTag;
        var tag = request.Tag switch
        {
            TagNeed.Required => reader.Required(tagName),
            TagNeed.Optional or TagNeed.Rollback => reader.Optional(tagName),
            _ => null,
        };
        if (tag is not null)
        {
            reader.Check(tagName, tag, SettingRules.IsDockerTag, SettingRules.TagRule);
        }

        var registry = request.Repository || request.RegistryLogin
            ? RegistrySettings.Read(reader, request.RegistryLogin)
            : null;
        var build = request.Build ? BuildSettings.Read(reader, workingDirectory) : null;
        var targets = request.Targets.ToDictionary(e => e, e => DeployTarget.Read(reader, e, homeDirectory));
        reader.ThrowIfAnyProblem();
        return new InfosyncSettings(dryRun, RunOrigin.Read(source), string.IsNullOrEmpty(tag) ? null : tag, registry, build, targets);
    }

    /// <summary>The registry settings; only null when no task asked for them.</summary>
    public RegistrySettings RequireRegistry() =>
        Registry ?? throw new InvalidOperationException("No task asked for the registry settings.");

    /// <summary>The image tag; only null when no task required it.</summary>
    public string RequireTag() => ImageTag ?? throw new InvalidOperationException("No task asked for the image tag.");
}
