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
    private const string Directory = "/usr/local/infosync-swarm";
    private const string Secret = "swarm-canary-7d41e2";

    [Fact]
    public async Task A_deploy_converges_on_every_node_and_a_failing_image_rolls_back_on_every_node()
    {
        var (old, tag, bad) = (RigProbe.Tag("base"), RigProbe.Tag("swarm"), RigProbe.Tag("swarm-exits"));
        await fixture.PublishAsync(old);
        await fixture.PublishAsync(tag);
        await VariantImages.PublishOnceAsync(fixture.Rig, bad, VariantImages.ExitsAtStart);
        var swarm = await SwarmRig.UpAsync();
        try
        {
            await StartStackAsync(swarm, old);
            var variables = swarm.DeployVariables(fixture.Rig, Directory);

            var run = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("Orchestrator: Docker Swarm (stack infosync-dev", run.Output, StringComparison.Ordinal);
            Assert.Contains("\"version\": \"3.8\"", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, run.Output, StringComparison.Ordinal);
            Assert.Equal([tag, tag, tag], await VersionsAsync(swarm));
            Assert.Contains($"image: {fixture.Rig.Repository}:{tag}", await File.ReadAllTextAsync($"{Directory}/docker-compose.yml"), StringComparison.Ordinal);

            var status = await BuildScript.RunAsync(variables, "--target=StatusDev");
            Assert.Contains($"web: {fixture.Rig.Repository}:{tag}@sha256:", status.Output, StringComparison.Ordinal);
            Assert.Contains("3/3 running", status.Output, StringComparison.Ordinal);

            var before = await File.ReadAllBytesAsync($"{Directory}/docker-compose.yml");
            var failed = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={bad}");

            Assert.True(failed.ExitCode != 0, failed.Output);
            Assert.Matches(@"on infosync-sw[123]: \w+.*non-zero exit \(3\)", failed.Output);
            Assert.Contains("rolled back: the previous version runs again", failed.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, failed.Output, StringComparison.Ordinal);
            Assert.Equal(before, await File.ReadAllBytesAsync($"{Directory}/docker-compose.yml"));
            Assert.Equal([tag, tag, tag], await VersionsAsync(swarm));
            var history = await File.ReadAllLinesAsync($"{Directory}/.deploy/history.jsonl");
            Assert.Equal(["\"result\":\"succeeded\"", "\"result\":\"failed\""], history.Select(line => line.Contains("\"result\":\"succeeded\"", StringComparison.Ordinal)
                ? "\"result\":\"succeeded\"" : "\"result\":\"failed\""));
            Assert.False(System.IO.Directory.Exists($"{Directory}/.deploy/lock"));
        }
        finally
        {
            await swarm.DockerAsync("stack", "rm", "infosync-dev");
            await SwarmRig.DownAsync();
        }
    }

    [Fact]
    public async Task A_node_killed_mid_update_ends_in_a_clear_state_that_a_rerun_converges()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("swarm-kill"));
        await fixture.PublishAsync(old);
        await fixture.PublishAsync(tag);
        var swarm = await SwarmRig.UpAsync();
        try
        {
            await StartStackAsync(swarm, old);
            var variables = swarm.DeployVariables(fixture.Rig, Directory);
            variables["HEALTH_TIMEOUT"] = "45";
            var before = await File.ReadAllBytesAsync($"{Directory}/docker-compose.yml");

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

            Assert.Equal(before, await File.ReadAllBytesAsync($"{Directory}/docker-compose.yml"));
            Assert.False(System.IO.Directory.Exists($"{Directory}/.deploy/lock"));

            await SwarmRig.UpAsync();
            var rerun = await BuildScript.RunAsync(swarm.DeployVariables(fixture.Rig, Directory), "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

            Assert.True(rerun.ExitCode == 0, rerun.Output);
            Assert.Equal([tag, tag, tag], await VersionsAsync(swarm));
        }
        finally
        {
            await swarm.DockerAsync("stack", "rm", "infosync-dev");
            await SwarmRig.DownAsync();
        }
    }

    // The stack as an operator would have started it by hand: the same services as the compose file, at the old tag.
    private async Task StartStackAsync(SwarmRig swarm, string old)
    {
        var project = new RigProject(fixture.Rig, "dev", ComposeKind.V2);
        System.IO.Directory.CreateDirectory(Directory);
        await ProcessRun.StartAsync("chown", [$"{project.User}:{project.User}", Directory]);
        foreach (var entry in new DirectoryInfo(Directory).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory) { directory.Delete(recursive: true); } else { entry.Delete(); }
        }

        await WriteOwnedAsync(project, ".env", $"DB_PASSWORD={Secret}\n");
        await WriteOwnedAsync(project, "docker-compose.yml", Compose($"{fixture.Rig.Repository}:{old}", "${DB_PASSWORD}"));
        var stackFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(stackFile, "version: \"3.8\"\n" + Compose($"{fixture.Rig.Repository}:{old}", Secret));
        var deployed = await swarm.DockerAsync("stack", "deploy", "--with-registry-auth", "-c", stackFile, "infosync-dev");
        File.Delete(stackFile);
        Assert.True(deployed.ExitCode == 0, deployed.Output);
        for (var attempt = 0; attempt < 120 && !(await VersionsAsync(swarm)).All(version => version == old); attempt++)
        {
            await Task.Delay(500);
        }

        Assert.Equal([old, old, old], await VersionsAsync(swarm));
    }

    private static async Task WriteOwnedAsync(RigProject project, string name, string text)
    {
        await File.WriteAllTextAsync(Path.Combine(Directory, name), text);
        await ProcessRun.StartAsync("chown", [$"{project.User}:{project.User}", Path.Combine(Directory, name)]);
    }

    private static string Compose(string image, string password) => $"""
        services:
          web:
            image: {image}
            environment:
              DB_PASSWORD: "{password}"
            healthcheck:
              test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/cgi-bin/health"]
              interval: 1s
              timeout: 3s
              retries: 3
            ports:
              - target: 8080
                published: 18200
                mode: host
            deploy:
              replicas: 3
              update_config:
                parallelism: 1
                order: stop-first
                failure_action: rollback
                monitor: 5s
              rollback_config:
                parallelism: 0
                order: stop-first
        """;

    // What each node's task answers on the host-mode port: the version, or "down".
    private static async Task<string[]> VersionsAsync(SwarmRig swarm)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var versions = new List<string>();
        foreach (var address in swarm.NodeAddresses)
        {
            try
            {
                var page = await client.GetStringAsync(new Uri($"http://{address}:18200/"));
                var start = page.IndexOf("version: ", StringComparison.Ordinal) + "version: ".Length;
                versions.Add(start < "version: ".Length ? "?" : page[start..page.IndexOf('<', start)]);
            }
            catch (HttpRequestException)
            {
                versions.Add("down");
            }
            catch (TaskCanceledException)
            {
                versions.Add("down");
            }
        }

        return [.. versions];
    }
}
