using System.Reflection;
using Cake.Frosting;
using Infosync.Build;
using Infosync.Deploy.Settings;
using Xunit;

namespace Infosync.Deploy.Tests.Host;

/// <summary>Which settings each task of the host asks for, so that a run checks exactly those of its tasks.</summary>
public sealed class TaskSettingsTests
{
    // Generated from build/TaskNeeds.cs's table of name prefixes, which the tasks' [Needs] replaced: the behaviour kept.
    public static TheoryData<string, TagNeed, bool, bool, bool, string> Expected { get; } = new()
    {
        { "BuildImage", TagNeed.Required, true, true, false, "" },
        { "Default", TagNeed.None, false, false, false, "" },
        { "DeployDev", TagNeed.Required, false, true, true, "dev" },
        { "DeployPilot", TagNeed.Required, false, true, true, "pilot" },
        { "DeployStage", TagNeed.Required, false, true, true, "stage" },
        { "PushImage", TagNeed.Required, false, true, true, "" },
        { "RollbackDev", TagNeed.Rollback, false, true, false, "dev" },
        { "RollbackPilot", TagNeed.Rollback, false, true, false, "pilot" },
        { "RollbackStage", TagNeed.Rollback, false, true, false, "stage" },
        { "StatusDev", TagNeed.None, false, true, false, "dev" },
        { "StatusPilot", TagNeed.None, false, true, false, "pilot" },
        { "StatusStage", TagNeed.None, false, true, false, "stage" },
        { "UnlockDev", TagNeed.None, false, false, false, "dev" },
        { "UnlockPilot", TagNeed.None, false, false, false, "pilot" },
        { "UnlockStage", TagNeed.None, false, false, false, "stage" },
    };

    private static IEnumerable<Type> TaskTypes() => typeof(BuildContext).Assembly.GetTypes()
        .Where(t => typeof(IFrostingTask).IsAssignableFrom(t) && !t.IsAbstract);

    private static string NameOf(Type task) => task.GetCustomAttribute<TaskNameAttribute>()!.Name;

    // Through the lifetime, given one object of each task class as the host gives it.
    private static SettingsRequest RequestFor(string taskName) =>
        new BuildLifetime(TaskTypes().Select(t => (IFrostingTask)Activator.CreateInstance(t)!)).Needs([taskName]);

    private static string Describe(TagNeed tag, bool build, bool repository, bool login, IEnumerable<DeployEnvironment> targets) =>
        $"tag {tag}, build {build}, repository {repository}, login {login}, targets [{string.Join(", ", targets)}]";

    [Theory]
    [MemberData(nameof(Expected))]
    public void A_task_asks_for_the_settings_it_uses(
        string task, TagNeed tag, bool build, bool repository, bool login, string target)
    {
        var request = RequestFor(task);

        Assert.Equal(
            Describe(tag, build, repository, login, target.Length == 0 ? [] : [new DeployEnvironment(target)]),
            Describe(request.Tag, request.Build, request.Repository, request.RegistryLogin, request.Targets));
    }

    [Fact]
    public void Every_task_of_the_host_is_in_the_table()
    {
        var tasks = TaskTypes().Select(NameOf).Order(StringComparer.Ordinal);

        Assert.Equal(Expected.Select(row => (string)row[0]), tasks);
    }
}
