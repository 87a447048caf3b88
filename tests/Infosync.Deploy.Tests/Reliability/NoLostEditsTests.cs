using System.Text;
using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Reliability;

/// <summary>
/// Nothing the operator did on the server is lost: an edit made while the image was pulling is kept and the deploy
/// stops; a reused tag that fails brings back the very image that ran; files keep their mode, group and bytes.
/// </summary>
[Collection(RigTests.Name)]
public sealed class NoLostEditsTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    [Fact]
    public async Task A_hand_edit_made_during_the_pull_is_kept_and_the_deploy_refused()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("hand-edit"));
        await VariantImages.PublishOnceAsync(fixture.Rig, tag, VariantImages.Large(tag));
        await fixture.ResetAsync("dev", old);
        await ProcessRun.StartAsync("docker", ["image", "rm", $"{fixture.Rig.Repository}:{tag}"]);
        var web = await probe.ContainerIdAsync("dev", "web");
        var edited = await File.ReadAllTextAsync(probe.ComposePath("dev")) + "# edited by hand during the deploy\n";

        using var run = BackgroundBuild.Start(fixture.Rig.DeployVariables(), "--target=DeployDev", "--exclusive", $"--image-tag={tag}", "--verbosity=diagnostic");
        // The files are read before the registry login; the registry held still from the login on, the edit lands
        // after the read and before the write, however fast the pull.
        await run.WaitForOutputAsync("$ docker login", TimeSpan.FromSeconds(60));
        await RigServices.PauseRegistryAsync(fixture.Rig, TimeSpan.FromMilliseconds(500),
            () => File.WriteAllTextAsync(probe.ComposePath("dev"), edited));
        var exitCode = await run.WaitForExitAsync(TimeSpan.FromMinutes(3));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("changed on the server since it was read", run.Output, StringComparison.Ordinal);
        Assert.Contains("the files keep the edit made on the server", run.Output, StringComparison.Ordinal);
        Assert.Equal(edited, await File.ReadAllTextAsync(probe.ComposePath("dev")));
        Assert.Equal(web, await probe.ContainerIdAsync("dev", "web"));
        Assert.True(await probe.ServesAsync("dev", old));
        Assert.False(probe.LockExists("dev"));
    }

    [Theory]
    [InlineData(ComposeKind.V2)]
    [InlineData(ComposeKind.V1)]
    public async Task A_reused_tag_whose_new_image_fails_brings_back_the_image_that_ran_by_id(ComposeKind kind)
    {
        var moving = RigProbe.Tag($"moving-{kind}");
        await VariantImages.PublishAsync(fixture.Rig, moving, VariantImages.Serving(moving, moving + "-first"));
        await fixture.ResetToPublishedAsync("dev", moving, kind);
        var before = await ImageOfWebAsync();
        await VariantImages.PublishAsync(fixture.Rig, moving, VariantImages.ExitsAtStart);
        var variables = fixture.Rig.DeployVariables(kind);
        variables["HEALTH_TIMEOUT"] = "20";

        var run = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={moving}");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("rolled back: the previous version runs again", run.StandardError, StringComparison.Ordinal);
        Assert.True(await probe.ServesAsync("dev", moving + "-first"), await probe.PageAsync("dev"));
        Assert.Equal(before, await ImageOfWebAsync());
    }

    [Fact]
    public async Task Rollback_of_a_reused_tag_returns_to_the_image_the_history_recorded()
    {
        var moving = RigProbe.Tag("moving-rollback");
        await VariantImages.PublishAsync(fixture.Rig, moving, VariantImages.Serving(moving, moving + "-one"));
        await fixture.ResetToPublishedAsync("dev", moving);
        var first = await ImageOfWebAsync();
        await VariantImages.PublishAsync(fixture.Rig, moving, VariantImages.Serving(moving, moving + "-two"));
        var variables = fixture.Rig.DeployVariables();

        var deploy = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={moving}");
        var servedTwo = await probe.ServesAsync("dev", moving + "-two");
        var rollback = await BuildScript.RunAsync(variables, "--target=RollbackDev");

        Assert.True(deploy.ExitCode == 0, deploy.Output);
        Assert.True(servedTwo);
        Assert.True(rollback.ExitCode == 0, rollback.Output);
        Assert.True(await probe.ServesAsync("dev", moving + "-one"), await probe.PageAsync("dev"));
        Assert.Equal(first, await ImageOfWebAsync());
        Assert.Contains($"\"fromImage\":\"{first}\"", probe.History("dev")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_0640_compose_file_of_group_deployers_and_a_latin1_env_keep_mode_group_and_bytes()
    {
        // Compose reads compose files as UTF-8 only ("yaml: invalid leading UTF-8 octet"), but takes a .env with Latin-1.
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("access"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old);
        var project = new RigProject(fixture.Rig, "dev", ComposeKind.V2);
        await project.ClearAsync();
        var compose = Encoding.UTF8.GetBytes($"# gepr\u00fcft von M\u00fcller\nservices:\n  web:\n    image: {fixture.Rig.Repository}:${{TAG}}\n" +
            $"    ports: [\"127.0.0.1:{project.WebPort}:8080\"]\n");
        byte[] Env(string t) => Encoding.Latin1.GetBytes($"# Gr\u00fc\u00dfe aus K\u00f6ln\nTAG={t}\n");
        await project.WriteAsync("docker-compose.yml", compose);
        await project.WriteAsync(".env", Env(old));
        var composePath = Path.Combine(project.Directory, "docker-compose.yml");
        var envPath = Path.Combine(project.Directory, ".env");
        await ProcessRun.StartAsync("chgrp", ["deployers", composePath, envPath]);
        await ProcessRun.StartAsync("chmod", ["0640", composePath, envPath]);
        await project.UpAsync();

        var run = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(await probe.ServesAsync("dev", tag));
        Assert.Equal(compose, await File.ReadAllBytesAsync(composePath));
        Assert.Equal(Env(tag), await File.ReadAllBytesAsync(envPath));
        Assert.Equal(Env(old), await File.ReadAllBytesAsync(envPath + ".bak"));
        foreach (var file in new[] { composePath, envPath, envPath + ".bak" })
        {
            Assert.Equal("640 deployer deployers", (await ProcessRun.StartAsync("stat", ["-c", "%a %U %G", file])).StandardOutput.Trim());
        }
    }

    private async Task<string> ImageOfWebAsync() =>
        (await ProcessRun.StartAsync("docker", ["inspect", "--format", "{{.Image}}", await probe.ContainerIdAsync("dev", "web")])).StandardOutput.Trim();
}
