using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>
/// The rolling strategy on the rig, behind its HAProxy (found by Docker's DNS), under traffic: a request every 20 ms
/// on a new connection and three 2 s requests always in flight. No request may fail, whatever happens to the deploy.
/// </summary>
[Collection(RigTests.Name)]
public sealed class RollingDeployTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    [Fact]
    public async Task The_old_container_serves_until_the_new_one_is_healthy_and_no_request_fails()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("roll"));
        await fixture.PublishAsync(tag);
        await fixture.ResetRollingAsync("dev", old);
        var oldWeb = await WebContainersAsync();
        var sidecar = await probe.ContainerIdAsync("dev", "sidecar");
        var variables = Rolling();
        variables["DEV_HEALTH_URL"] = "http://web:8080/cgi-bin/health";

        ProcessRun run;
        await using (var traffic = await TrafficProbe.StartAsync(fixture.Rig.WebPort("dev")))
        {
            run = await DeployAsync(variables, tag);
            await Task.Delay(1000);

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.True(traffic.Failures.Count == 0, traffic.Describe());
            var (oldSeen, newSeen) = (traffic.Seen(old), traffic.Seen(tag));
            Assert.True(oldSeen is not null && newSeen is not null, traffic.Describe());
            // Both answered for a while (no gap between them), and the old one stopped answering once the new one did.
            Assert.True(oldSeen.Value.Last >= newSeen.Value.First, $"old until {oldSeen.Value.Last}, new from {newSeen.Value.First}");
            Assert.True(traffic.Answers.Where(a => a.At > oldSeen.Value.Last).All(a => a.Version == tag), traffic.Describe());
        }

        Assert.Contains("Switch strategy: rolling", run.Output, StringComparison.Ordinal);
        var newWeb = Assert.Single(await WebContainersAsync());
        Assert.DoesNotContain(newWeb, oldWeb);
        Assert.True(await probe.ServesAsync("dev", tag));
        Assert.Equal(sidecar, await probe.ContainerIdAsync("dev", "sidecar"));
        Assert.Contains("\"result\":\"succeeded\"", probe.History("dev").Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_gate_leaves_only_the_old_container_serving_and_the_file_as_it_was()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("roll-exits"));
        await VariantImages.PublishOnceAsync(fixture.Rig, tag, VariantImages.ExitsAtStart);
        await fixture.ResetRollingAsync("dev", old);
        var oldWeb = await WebContainersAsync();
        var before = probe.ComposeBytes("dev");

        await using (var traffic = await TrafficProbe.StartAsync(fixture.Rig.WebPort("dev")))
        {
            var run = await DeployAsync(Rolling(), tag);

            Assert.True(run.ExitCode != 0, run.Output);
            Assert.Contains("rolled back: the previous version runs again", run.StandardError, StringComparison.Ordinal);
            Assert.True(traffic.Failures.Count == 0, traffic.Describe());
            Assert.Null(traffic.Seen(tag));
        }

        Assert.Equal(oldWeb, await WebContainersAsync());
        Assert.Equal(before, probe.ComposeBytes("dev"));
        Assert.True(await probe.ServesAsync("dev", old));
        Assert.False(probe.LockExists("dev"));
    }

    [Fact]
    public async Task A_connection_cut_mid_switch_recovers_to_one_healthy_version()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("roll-cut"));
        await fixture.PublishAsync(tag);
        await fixture.ResetRollingAsync("dev", old);
        var before = probe.ComposeBytes("dev");

        await using (var traffic = await TrafficProbe.StartAsync(fixture.Rig.WebPort("dev")))
        {
            using var run = BackgroundBuild.Start(Rolling(), "--target=DeployDev", "--exclusive", $"--image-tag={tag}", "--verbosity=diagnostic");
            await run.WaitForOutputAsync("--no-recreate --scale web=2 web", TimeSpan.FromSeconds(90));
            await Task.Delay(500);
            await ConnectionCutter.CutAsync(run.Output);
            var exitCode = await run.WaitForExitAsync(TimeSpan.FromMinutes(2));

            Assert.True(exitCode != 0, run.Output);
            Assert.Contains("reconnected: rolled back", run.Output, StringComparison.Ordinal);
            Assert.True(traffic.Failures.Count == 0, traffic.Describe());
        }

        Assert.Single(await WebContainersAsync());
        Assert.True(await probe.ServesAsync("dev", old));
        Assert.Equal(before, probe.ComposeBytes("dev"));
        Assert.False(probe.LockExists("dev"));

        var rerun = await DeployAsync(Rolling(), tag);

        Assert.True(rerun.ExitCode == 0, rerun.Output);
        Assert.True(await probe.ServesAsync("dev", tag));
    }

    [Fact]
    public async Task Status_shows_both_containers_while_the_switch_is_under_way()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("roll-status"));
        await fixture.PublishAsync(tag);
        await fixture.ResetRollingAsync("dev", old);
        var variables = Rolling();
        variables["DRAIN_TIME"] = "8";

        using var run = BackgroundBuild.Start(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}", "--verbosity=diagnostic");
        await run.WaitForOutputAsync("$ sleep 8", TimeSpan.FromSeconds(90));
        var status = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=StatusDev");
        var exitCode = await run.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains("web: 2 containers (a rolling switch is under way", status.Output, StringComparison.Ordinal);
        Assert.Contains($":{old}@sha256:", status.Output, StringComparison.Ordinal);
        Assert.Contains($":{tag}@sha256:", status.Output, StringComparison.Ordinal);
        Assert.True(exitCode == 0, run.Output);
    }

    [Fact]
    public async Task A_plan_shows_the_rolling_steps_and_changes_nothing()
    {
        var old = RigProbe.Tag("base");
        await fixture.ResetRollingAsync("dev", old);
        var web = await WebContainersAsync();

        var run = await BuildScript.RunAsync(Rolling(), "--target=DeployDev", "--dry-run", $"--image-tag={RigProbe.Tag("roll")}");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("--no-recreate --scale web=2 web", run.Output, StringComparison.Ordinal);
        Assert.Contains("wait 3 s for the proxy to send new requests to the new containers", run.Output, StringComparison.Ordinal);
        Assert.Contains($"stop the container(s) {web[0][..12]}, each with 30 s to finish its requests", run.Output, StringComparison.Ordinal);
        Assert.Equal(web, await WebContainersAsync());
    }

    [Theory]
    [InlineData(ComposeKind.V2, "it publishes host port")]
    [InlineData(ComposeKind.V1, "the rolling strategy needs Compose v2")]
    public async Task What_cannot_roll_is_refused_before_any_change(ComposeKind kind, string reason)
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("roll"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old, kind);
        var before = probe.ComposeBytes("dev");
        var variables = fixture.Rig.DeployVariables(kind);
        variables["STRATEGY"] = "rolling";

        var run = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

        Assert.True(run.ExitCode != 0, run.Output);
        Assert.Contains(reason, run.StandardError, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", run.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, probe.ComposeBytes("dev"));
        Assert.True(await probe.ServesAsync("dev", old));
    }

    private Dictionary<string, string> Rolling()
    {
        var variables = fixture.Rig.DeployVariables();
        variables["DEV_STRATEGY"] = "rolling";
        variables["DRAIN_TIME"] = "3";
        return variables;
    }

    private Task<ProcessRun> DeployAsync(Dictionary<string, string> variables, string tag) =>
        BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

    private async Task<IReadOnlyList<string>> WebContainersAsync() =>
        (await ProcessRun.StartAsync("docker", ["ps", "-q", "--no-trunc", "--filter", $"label=com.docker.compose.project.working_dir={fixture.Rig.DeployDirectory("dev")}",
            "--filter", "label=com.docker.compose.service=web"])).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
