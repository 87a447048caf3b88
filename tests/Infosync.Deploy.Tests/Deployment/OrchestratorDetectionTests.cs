using Infosync.Deploy.Deployment;
using Infosync.Deploy.Settings;
using Infosync.Deploy.Tests.Fakes;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

public sealed class OrchestratorDetectionTests
{
    private readonly RecordingLog log = new();

    private static DeployTarget Target(string? orchestrator = null, string? strategy = null)
    {
        var arguments = new Dictionary<string, string>
        {
            ["harbor-host"] = "registry.test",
            ["harbor-username"] = "ci",
            ["harbor-password"] = "pw",
            ["ssh-host"] = "manager.test",
            ["ssh-username"] = "deployer",
            ["ssh-password"] = "pw",
        };
        if (orchestrator is not null) { arguments["orchestrator"] = orchestrator; }
        if (strategy is not null) { arguments["strategy"] = strategy; }
        var settings = InfosyncSettings.Load(new DictionarySettingSource(arguments, new Dictionary<string, string>()),
            new SettingsRequest(TagNeed.None, false, true, true, [DeployEnvironment.Dev]), "/tmp", "/root");
        return settings.Targets[DeployEnvironment.Dev];
    }

    private static ScriptedHost Manager(string services) => new ScriptedHost()
        .Answer("docker info", "active true 3\n")
        .Answer("docker service ls", services);

    [Fact]
    public async Task Unset_it_is_auto_and_a_manager_running_the_environments_stack_is_deployed_as_that_stack()
    {
        var host = Manager("infosync-dev_web\ninfosync-dev_worker\n");

        var resolved = await OrchestratorDetection.ResolveAsync(host, Target(), log, CancellationToken.None);

        Assert.Equal((SwitchKind.Swarm, "infosync-dev", false), (resolved.Switch.Kind, resolved.Switch.Stack, resolved.Switch.Detect));
        Assert.Contains("label=com.docker.stack.namespace=infosync-dev", host.Commands[1], StringComparison.Ordinal);
        var said = Assert.Single(log.Lines);
        Assert.Contains("is a swarm manager running stack infosync-dev (set DEV_ORCHESTRATOR=compose", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_without_the_stack_stays_compose_and_says_how_to_choose_swarm()
    {
        var resolved = await OrchestratorDetection.ResolveAsync(Manager(string.Empty), Target(), log, CancellationToken.None);

        Assert.Equal((SwitchKind.Recreate, null, false), (resolved.Switch.Kind, resolved.Switch.Stack, resolved.Switch.Detect));
        Assert.Contains("runs no stack infosync-dev; set DEV_ORCHESTRATOR=swarm", Assert.Single(log.Lines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inactive false 0")]
    [InlineData("active false 0")]
    [InlineData("locked false 0")]
    public async Task A_server_that_is_no_manager_stays_compose_without_asking_for_stacks(string role)
    {
        var host = new ScriptedHost().Answer("docker info", role + "\n").Answer("docker service ls", "infosync-dev_web\n");

        var resolved = await OrchestratorDetection.ResolveAsync(host, Target(), log, CancellationToken.None);

        Assert.Equal(SwitchKind.Recreate, resolved.Switch.Kind);
        Assert.Null(resolved.Switch.Stack);
        Assert.Single(host.Commands);
    }

    [Fact]
    public async Task A_docker_that_does_not_answer_is_taken_for_compose_and_the_output_says_it_was_assumed()
    {
        var host = new ScriptedHost().Answer("docker info", "Cannot connect to the Docker daemon", exitCode: 1);

        var resolved = await OrchestratorDetection.ResolveAsync(host, Target(), log, CancellationToken.None);

        Assert.Equal(SwitchKind.Recreate, resolved.Switch.Kind);
        Assert.Contains("Compose, assumed", Assert.Single(log.Lines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compose", null)]
    [InlineData(null, "rolling")]
    public async Task A_chosen_orchestrator_or_a_rolling_strategy_asks_the_server_nothing(string? orchestrator, string? strategy)
    {
        var host = Manager("infosync-dev_web\n");
        var target = Target(orchestrator, strategy);

        var resolved = await OrchestratorDetection.ResolveAsync(host, target, log, CancellationToken.None);

        Assert.Same(target, resolved);
        Assert.Empty(host.Commands);
        Assert.Empty(log.Lines);
    }

    [Fact]
    public async Task Swarm_chosen_is_swarm_without_detection()
    {
        var host = new ScriptedHost();

        var resolved = await OrchestratorDetection.ResolveAsync(host, Target("swarm"), log, CancellationToken.None);

        Assert.Equal((SwitchKind.Swarm, "infosync-dev"), (resolved.Switch.Kind, resolved.Switch.Stack));
        Assert.Empty(host.Commands);
    }
}
