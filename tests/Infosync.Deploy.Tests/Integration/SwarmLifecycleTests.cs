using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>
/// On the three-node swarm rig, the tasks around a deploy behave as for compose: RollbackDev returns every node to the
/// previous tag, the history records it, a foreign lock blocks until UnlockDev removes it, and no secret shows in
/// any command line while the stack deploys. Left unset, ORCHESTRATOR detects the stack.
/// </summary>
[Collection(RigTests.Name)]
public sealed class SwarmLifecycleTests(RigFixture fixture)
{
    [Fact]
    public async Task Rollback_history_lock_and_unlock_behave_as_for_compose_and_no_node_shows_a_secret()
    {
        var (old, first, second) = (RigProbe.Tag("base"), RigProbe.Tag("swarm-first"), RigProbe.Tag("swarm-second"));
        await fixture.PublishAsync(old);
        await fixture.PublishAsync(first);
        await fixture.PublishAsync(second);
        var stack = new SwarmEnvironment(fixture.Rig, await SwarmRig.UpAsync());
        try
        {
            await stack.StartAsync(old);
            var variables = stack.DeployVariables();
            await DeployAsync(variables, first);

            // The nodes are network namespaces of this machine, not PID namespaces: its /proc shows every node's processes.
            var sampler = ProcessListSampler.Start();
            var deployed = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={second}", "--verbosity=diagnostic");
            var processes = await sampler.StopAsync();

            Assert.True(deployed.ExitCode == 0, deployed.Output);
            Assert.Equal([second, second, second], await stack.VersionsAsync());
            Assert.Contains(processes, p => p.Contains("infosync-deploy-lock-", StringComparison.Ordinal));
            Assert.All(["/run/infosync-sw1/", "/run/infosync-sw2/", "/run/infosync-sw3/"], engine => Assert.Contains(processes, p => p.Contains(engine, StringComparison.Ordinal)));
            foreach (var secret in new[] { fixture.Rig.HarborPassword, fixture.Rig.SshPassword, SwarmEnvironment.Secret })
            {
                Assert.DoesNotContain(secret, deployed.Output, StringComparison.Ordinal);
                Assert.DoesNotContain(processes, p => p.Contains(secret, StringComparison.Ordinal));
                Assert.All(System.IO.Directory.EnumerateFiles(Path.Combine(SwarmEnvironment.Directory, ".deploy"), "*", SearchOption.AllDirectories),
                    file => Assert.DoesNotContain(secret, File.ReadAllText(file), StringComparison.Ordinal));
            }

            var rollback = await BuildScript.RunAsync(variables, "--target=RollbackDev");

            Assert.True(rollback.ExitCode == 0, rollback.Output);
            Assert.Contains($"Rolling dev back to {first}", rollback.Output, StringComparison.Ordinal);
            Assert.Equal([first, first, first], await stack.VersionsAsync());
            Assert.Contains($"image: {fixture.Rig.Repository}:{first}\n", await File.ReadAllTextAsync(stack.ComposePath), StringComparison.Ordinal);
            Assert.Equal(["deploy", "deploy", "rollback"], stack.History().Select(line => line.Contains("\"action\":\"rollback\"", StringComparison.Ordinal) ? "rollback" : "deploy"));
            Assert.Contains($":{first}@sha256:", stack.History().Last(), StringComparison.Ordinal);

            // Left unset, ORCHESTRATOR is auto: the manager runs the stack, so the plan deploys it as that stack.
            variables.Remove("DEV_ORCHESTRATOR");
            var plan = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={second}", "--dry-run");

            Assert.True(plan.ExitCode == 0, plan.Output);
            Assert.Contains("Detected a swarm: the Docker of ", plan.Output, StringComparison.Ordinal);
            Assert.Contains("Orchestrator: Docker Swarm (stack infosync-dev", plan.Output, StringComparison.Ordinal);
            Assert.Contains("swarm node(s), as docker stack deploy gets it", plan.Output, StringComparison.Ordinal);
            Assert.Equal([first, first, first], await stack.VersionsAsync());

            using (var holder = await ForeignLock.TakeAsync(SwarmEnvironment.Directory, "someone-else@laptop"))
            {
                var blocked = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={second}");
                var status = await BuildScript.RunAsync(variables, "--target=StatusDev");
                var unlock = await BuildScript.RunAsync(variables, "--target=UnlockDev");

                Assert.NotEqual(0, blocked.ExitCode);
                Assert.Contains("dev is locked by someone-else@laptop", blocked.StandardError, StringComparison.Ordinal);
                Assert.Contains("run UnlockDev", blocked.StandardError, StringComparison.Ordinal);
                Assert.Contains("someone-else@laptop", status.Output, StringComparison.Ordinal);
                Assert.True(unlock.ExitCode == 0, unlock.Output);
                Assert.Contains("Removed the deploy lock of dev, held by someone-else@laptop", unlock.Output, StringComparison.Ordinal);
            }

            var again = await BuildScript.RunAsync(variables, "--target=UnlockDev");
            var free = await BuildScript.RunAsync(variables, "--target=StatusDev");

            Assert.Contains("dev is not locked.", again.Output, StringComparison.Ordinal);
            Assert.Contains("lock: free", free.Output, StringComparison.Ordinal);
            Assert.Contains("3/3 running", free.Output, StringComparison.Ordinal);
            Assert.Equal(3, free.Output.Split('\n').Count(line => line.Contains("  succeeded  ", StringComparison.Ordinal)));
            Assert.Equal([first, first, first], await stack.VersionsAsync());
        }
        finally
        {
            await stack.RemoveAsync();
            await SwarmRig.DownAsync();
        }
    }

    private static async Task DeployAsync(Dictionary<string, string> variables, string tag)
    {
        var run = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}");
        Assert.True(run.ExitCode == 0, run.Output);
    }
}
