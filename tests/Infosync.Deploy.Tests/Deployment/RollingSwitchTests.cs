using Infosync.Deploy.Deployment;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Tests.Fakes;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

/// <summary>The rolling strategy on the fake server: new beside old, the gate on the new alone, drain, old out by id.</summary>
public sealed class RollingSwitchTests
{
    private readonly StandardDeploy deploy = new();
    private readonly IdRecordingGate gate = new();

    public RollingSwitchTests() => deploy.Gate = gate;

    [Fact]
    public async Task The_new_container_starts_beside_the_old_which_stops_only_after_the_new_one_is_healthy_and_the_drain()
    {
        var old = deploy.Server.Containers["web"].Id;

        await DeployAsync();

        var steps = deploy.Host.Steps;
        Assert.Equal([.. StandardDeploy.UpToPull[..6], "config", .. StandardDeploy.UpToPull[6..]], steps.Take(StandardDeploy.UpToPull.Length + 1));
        var start = steps.IndexOf("up --no-recreate --scale web=2 web");
        Assert.True(start > steps.IndexOf("write compose.yaml"), string.Join(", ", steps));
        Assert.Equal(["gate web", "containers web", "drain", "stop " + old, "rm --force " + old], steps.Skip(start + 1).Take(5));
        var serving = deploy.Server.Containers["web"];
        Assert.Equal(FakeServer.IdOf(StandardDeploy.Repo + ":v2"), serving.ImageId);
        Assert.Empty(deploy.Server.Beside);
        Assert.Equal([serving.Id], gate.Seen.Single());
    }

    [Fact]
    public async Task A_failed_gate_removes_the_new_container_and_the_old_one_never_stopped()
    {
        gate.Verdicts.Enqueue("not healthy within 60 s: web-2 is unhealthy");
        var old = deploy.Server.Containers["web"];

        var failure = await Assert.ThrowsAsync<DeployException>(() => DeployAsync());

        Assert.Contains("web-2 is unhealthy", failure.Message, StringComparison.Ordinal);
        Assert.Contains("rolled back: the previous version runs again", failure.Message, StringComparison.Ordinal);
        Assert.Equal(old, deploy.Server.Containers["web"]);
        Assert.Empty(deploy.Server.Beside);
        var stopped = Assert.Single(deploy.Server.Stopped);
        Assert.NotEqual(old.Id, stopped);
        Assert.DoesNotContain(deploy.Host.Steps, step => step.StartsWith("up web", StringComparison.Ordinal));
        Assert.Equal(["stop " + stopped, "rm --force " + stopped], deploy.Host.Steps.SkipWhile(step => step != "stop " + stopped).Take(2));
        Assert.Equal(StandardDeploy.Compose, deploy.Server.Files[StandardDeploy.ComposePath]);
    }

    [Fact]
    public async Task A_connection_lost_during_the_gate_removes_the_new_container_over_the_second_one()
    {
        var second = deploy.Server.Connect("second");
        deploy.Reconnect = () => Task.FromResult<IRemoteHost>(second);
        deploy.Host.DropOn("drain");
        var old = deploy.Server.Containers["web"];

        var failure = await Assert.ThrowsAsync<DeployException>(() => DeployAsync());

        Assert.Contains("reconnected: rolled back", failure.Message, StringComparison.Ordinal);
        Assert.Contains("await up", second.Steps);
        Assert.Equal(old, deploy.Server.Containers["web"]);
        Assert.Empty(deploy.Server.Beside);
        Assert.DoesNotContain(old.Id, deploy.Server.Stopped);
    }

    [Fact]
    public async Task A_connection_lost_after_the_old_container_stopped_recreates_the_previous_version()
    {
        var second = deploy.Server.Connect("second");
        deploy.Reconnect = () => Task.FromResult<IRemoteHost>(second);
        deploy.Host.DropOn("stop " + deploy.Server.Containers["web"].Id);

        await Assert.ThrowsAsync<DeployException>(() => DeployAsync());

        Assert.Contains("up web", second.Steps);
        Assert.Equal(StandardDeploy.V1Id, deploy.Server.Containers["web"].ImageId);
    }

    [Fact]
    public async Task A_service_with_a_host_port_is_refused_before_anything_changes()
    {
        deploy.Server.ConfigJson = """{"services":{"web":{"ports":[{"target":8080,"published":"18081"}]},"proxy":{}}}""";

        var failure = await Assert.ThrowsAsync<DeployException>(() => DeployAsync());

        Assert.Contains("cannot start a second container of web beside the first: it publishes host port 18081 (ports:)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", failure.Message, StringComparison.Ordinal);
        Assert.Equal("config", deploy.Host.Steps[6]);
        Assert.DoesNotContain(deploy.Host.Steps, step => step.StartsWith("tag ", StringComparison.Ordinal) || step.StartsWith("pull", StringComparison.Ordinal));
        Assert.Equal(StandardDeploy.Compose, deploy.Server.Files[StandardDeploy.ComposePath]);
    }

    private Task<DeployResult> DeployAsync() =>
        new DeployFlow(deploy.Run(), new RollingSwitch(TimeSpan.FromSeconds(5))).RunAsync(DeployAction.Deploy, "v2", null, CancellationToken.None);

    // Records which containers each gate call saw, and fails from a queue of verdicts.
    private sealed class IdRecordingGate : IHealthGate
    {
        public Queue<string> Verdicts { get; } = new();

        public List<IReadOnlyList<string>> Seen { get; } = [];

        public async Task<string?> WaitAsync(ServiceContainers containers, IReadOnlyCollection<string> services, CancellationToken cancellationToken)
        {
            (containers.Host as FlowHost)?.Pass("gate " + string.Join(' ', services));
            Seen.Add(await containers.IdsAsync("web", cancellationToken) ?? []);
            return Verdicts.TryDequeue(out var verdict) ? verdict : null;
        }

        public Task<string?> WaitForTasksAsync(SwarmServices swarm, IReadOnlyDictionary<string, string> images, CancellationToken cancellationToken) =>
            throw new NotSupportedException("a rolling switch has no Swarm tasks");
    }
}
