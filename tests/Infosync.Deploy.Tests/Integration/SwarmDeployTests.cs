using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>
/// Deploys to the three-node swarm rig with the same task, DeployDev, and ORCHESTRATOR=swarm: the compose file is
/// edited on the manager and the stack converges on every node; an image that fails rolls back on every node.
/// </summary>
[Collection(RigTests.Name)]
public sealed class SwarmDeployTests(RigFixture fixture)
{
    [Fact]
    public async Task A_deploy_converges_on_every_node_and_a_failing_image_rolls_back_on_every_node()
    {
        var (old, tag, bad) = (RigProbe.Tag("base"), RigProbe.Tag("swarm"), RigProbe.Tag("swarm-exits"));
        await fixture.PublishAsync(old);
        await fixture.PublishAsync(tag);
        await VariantImages.PublishOnceAsync(fixture.Rig, bad, VariantImages.ExitsAtStart);
        var stack = new SwarmEnvironment(fixture.Rig, await SwarmRig.UpAsync());
        try
        {
            await stack.StartAsync(old);
            var variables = stack.DeployVariables();

            var run = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("Orchestrator: Docker Swarm (stack infosync-dev", run.Output, StringComparison.Ordinal);
            Assert.Contains("\"version\": \"3.8\"", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(SwarmEnvironment.Secret, run.Output, StringComparison.Ordinal);
            Assert.Equal([tag, tag, tag], await stack.VersionsAsync());
            Assert.Contains($"image: {fixture.Rig.Repository}:{tag}", await File.ReadAllTextAsync(stack.ComposePath), StringComparison.Ordinal);

            var status = await BuildScript.RunAsync(variables, "--target=StatusDev");
            Assert.Contains($"web: {fixture.Rig.Repository}:{tag}@sha256:", status.Output, StringComparison.Ordinal);
            Assert.Contains("3/3 running", status.Output, StringComparison.Ordinal);

            var before = await File.ReadAllBytesAsync(stack.ComposePath);
            var failed = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={bad}");

            Assert.True(failed.ExitCode != 0, failed.Output);
            Assert.Matches(@"on infosync-sw[123]: \w+.*non-zero exit \(3\)", failed.Output);
            Assert.Contains("rolled back: the previous version runs again", failed.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain(SwarmEnvironment.Secret, failed.Output, StringComparison.Ordinal);
            Assert.Equal(before, await File.ReadAllBytesAsync(stack.ComposePath));
            Assert.Equal([tag, tag, tag], await stack.VersionsAsync());
            var history = stack.History();
            Assert.Equal(["\"result\":\"succeeded\"", "\"result\":\"failed\""], history.Select(line => line.Contains("\"result\":\"succeeded\"", StringComparison.Ordinal)
                ? "\"result\":\"succeeded\"" : "\"result\":\"failed\""));
            Assert.False(stack.LockExists);
        }
        finally
        {
            await stack.RemoveAsync();
            await SwarmRig.DownAsync();
        }
    }

    [Fact]
    public async Task A_node_killed_mid_update_ends_in_a_clear_state_that_a_rerun_converges()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("swarm-kill"));
        await fixture.PublishAsync(old);
        await fixture.PublishAsync(tag);
        var stack = new SwarmEnvironment(fixture.Rig, await SwarmRig.UpAsync());
        try
        {
            await stack.StartAsync(old);
            var variables = stack.DeployVariables();
            variables["HEALTH_TIMEOUT"] = "45";
            var before = await File.ReadAllBytesAsync(stack.ComposePath);

            using (var run = BackgroundBuild.Start(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}"))
            {
                await run.WaitForOutputAsync("swarm node(s), as docker stack deploy gets it", TimeSpan.FromSeconds(90));
                await Task.Delay(TimeSpan.FromSeconds(3));
                var engine = (await File.ReadAllTextAsync("/var/lib/infosync-rig/swarm/state/sw3/dockerd.pid")).Trim();
                await ProcessRun.StartAsync("kill", ["-9", engine]);
                var exitCode = await run.WaitForExitAsync(TimeSpan.FromMinutes(4));

                Assert.True(exitCode != 0, run.Output);
                Assert.Contains(" failed: ", run.Output, StringComparison.Ordinal);
                Assert.Matches("not converged|no node can take", run.Output);
            }

            Assert.Equal(before, await File.ReadAllBytesAsync(stack.ComposePath));
            Assert.False(stack.LockExists);

            await SwarmRig.UpAsync();
            var rerun = await BuildScript.RunAsync(stack.DeployVariables(), "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

            Assert.True(rerun.ExitCode == 0, rerun.Output);
            Assert.Equal([tag, tag, tag], await stack.VersionsAsync());
        }
        finally
        {
            await stack.RemoveAsync();
            await SwarmRig.DownAsync();
        }
    }
}
