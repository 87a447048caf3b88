using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Reliability;

/// <summary>The registry or the server's Docker engine going away mid-way: a clear failure, nothing lost.</summary>
[Collection(RigTests.Name)]
public sealed class ServiceOutageTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    [Fact]
    public async Task The_registry_stopping_during_the_push_fails_the_push_clearly()
    {
        var tag = RigProbe.Tag("push-outage");
        var context = await VariantImages.WriteContextAsync(VariantImages.Large(tag));
        var variables = fixture.Rig.DeployVariables();
        variables["BUILD_CONTEXT"] = context.FullName;
        try
        {
            using var run = BackgroundBuild.Start(variables, "--target=PushImage", $"--image-tag={tag}");
            await run.WaitForOutputAsync("Pushing", TimeSpan.FromSeconds(120));
            await RigServices.HangThenKillRegistryAsync(fixture.Rig, TimeSpan.FromMilliseconds(1000));
            var exitCode = await run.WaitForExitAsync(TimeSpan.FromMinutes(3));

            Assert.NotEqual(0, exitCode);
            Assert.Contains($"Error: docker push of {fixture.Rig.Repository}:{tag} failed", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            context.Delete(recursive: true);
            await RigServices.RestoreAsync();
        }
    }

    [Fact]
    public async Task The_registry_stopping_during_the_pull_on_the_server_changes_nothing()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("pull-outage"));
        await VariantImages.PublishAsync(fixture.Rig, tag, VariantImages.Large(tag));
        await fixture.ResetAsync("dev", old);
        await ProcessRun.StartAsync("docker", ["image", "rm", $"{fixture.Rig.Repository}:{tag}"]);
        var before = probe.ComposeBytes("dev");
        try
        {
            using var run = BackgroundBuild.Start(fixture.Rig.DeployVariables(), "--target=DeployDev", "--exclusive", $"--image-tag={tag}", "--verbosity=diagnostic");
            await run.WaitForOutputAsync("$ docker pull", TimeSpan.FromSeconds(60));
            await RigServices.HangThenKillRegistryAsync(fixture.Rig, TimeSpan.FromMilliseconds(500));
            var exitCode = await run.WaitForExitAsync(TimeSpan.FromMinutes(3));

            Assert.NotEqual(0, exitCode);
            Assert.Contains("nothing was changed", run.Output, StringComparison.Ordinal);
            Assert.True(await probe.ServesAsync("dev", old));
            Assert.Equal(before, probe.ComposeBytes("dev"));
            Assert.False(probe.LockExists("dev"));
        }
        finally
        {
            await RigServices.RestoreAsync();
        }
    }

    [Fact]
    public async Task A_stopped_docker_engine_on_the_server_changes_nothing()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("no-docker"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old);
        var before = probe.ComposeBytes("dev");
        ProcessRun run;
        try
        {
            await RigServices.StopDockerAsync(fixture.Rig);
            run = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployDev", "--exclusive", $"--image-tag={tag}");
        }
        finally
        {
            await RigServices.RestoreAsync();
        }

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Cannot connect to the Docker daemon", run.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, probe.ComposeBytes("dev"));
        Assert.False(probe.LockExists("dev"));
        await WaitUntilServingAsync(old);
    }

    private async Task WaitUntilServingAsync(string tag)
    {
        for (var i = 0; i < 100 && !await probe.ServesAsync("dev", tag); i++)
        {
            await Task.Delay(200);
        }

        Assert.True(await probe.ServesAsync("dev", tag), "after the engine restarted: " + await probe.PageAsync("dev"));
    }
}
