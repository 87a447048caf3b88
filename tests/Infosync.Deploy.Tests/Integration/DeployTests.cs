using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

[Collection(RigTests.Name)]
public sealed class DeployTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    [Theory]
    [InlineData(ComposeKind.V2)]
    [InlineData(ComposeKind.V1)]
    public async Task DeployDev_builds_pushes_and_deploys_over_one_ssh_connection(ComposeKind kind)
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag($"dev-new-{kind}"));
        await fixture.ResetAsync("dev", old, kind);
        var sidecar = await probe.ContainerIdAsync("dev", "sidecar");
        var logMark = RigSsh.LogMark(fixture.Rig);

        using var run = BackgroundBuild.Start(fixture.Rig.DeployVariables(kind), "--target=DeployDev", $"--image-tag={tag}");
        var watch = SshConnectionWatch.Start(run.ProcessId, int.Parse(fixture.Rig["SSH_PORT"], System.Globalization.CultureInfo.InvariantCulture));
        var exitCode = await run.WaitForExitAsync(TimeSpan.FromMinutes(3));
        var ports = await watch.StopAsync();

        Assert.True(exitCode == 0, run.Output);
        Assert.True(await probe.ServesAsync("dev", tag), await probe.PageAsync("dev"));
        Assert.Contains(tag, await probe.RegistryTagsAsync());
        Assert.Equal(sidecar, await probe.ContainerIdAsync("dev", "sidecar"));
        Assert.Single(ports);
        Assert.Equal(1, SshConnectionWatch.LoginsFrom(fixture.Rig, ports, logMark));
        Assert.Contains($"{old} -> {fixture.Rig.Repository}:{tag}", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Rig.HarborPassword, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Rig.SshPassword, run.Output, StringComparison.Ordinal);
        Assert.False(probe.LockExists("dev"));
        Assert.Equal(kind == ComposeKind.V1 ? "infosync-dev_web_1" : "infosync-dev-web-1", await probe.ContainerNameAsync("dev", "web"));
    }

    [Fact]
    public async Task DeployPilot_exclusive_deploys_an_already_pushed_tag_without_building()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("pushed"));
        await fixture.ResetAsync("pilot", old);
        await fixture.PublishAsync(tag);
        var variables = fixture.Rig.DeployVariables();
        variables.Remove("BUILD_CONTEXT");

        var run = await BuildScript.RunAsync(variables, "--target=DeployPilot", "--exclusive", $"--image-tag={tag}");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.DoesNotContain("Building ", run.Output, StringComparison.Ordinal);
        Assert.True(await probe.ServesAsync("pilot", tag), await probe.PageAsync("pilot"));
    }

    [Fact]
    public async Task Deploying_the_tag_already_running_changes_nothing_in_the_file_and_succeeds()
    {
        var tag = RigProbe.Tag("base");
        await fixture.ResetAsync("stage", tag);
        var before = probe.ComposeBytes("stage");

        var run = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployStage", "--exclusive", $"--image-tag={tag}");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(before, probe.ComposeBytes("stage"));
        Assert.True(await probe.ServesAsync("stage", tag));
    }

    [Fact]
    public async Task The_host_local_deploys_on_this_machine_without_ssh()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("local"));
        await fixture.ResetAsync("dev", old);
        await fixture.PublishAsync(tag);
        var variables = fixture.Rig.DeployVariables();
        variables["DEV_SSH_HOST"] = "local";
        var loginsBefore = RigSsh.AcceptedLogins(fixture.Rig);

        var run = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(await probe.ServesAsync("dev", tag));
        Assert.Equal(loginsBefore, RigSsh.AcceptedLogins(fixture.Rig));
    }

    [Fact]
    public async Task Plan_mode_prints_the_commands_and_the_diff_with_secrets_redacted_and_changes_nothing()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("never-built"));
        await fixture.ResetAsync("dev", old);
        var before = probe.ComposeBytes("dev");
        var web = await probe.ContainerIdAsync("dev", "web");

        var run = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployDev", $"--image-tag={tag}", "--dry-run");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("[plan] local: docker build", run.Output, StringComparison.Ordinal);
        Assert.Contains($"+    image: {fixture.Rig.Repository}:{tag}", run.Output, StringComparison.Ordinal);
        Assert.Contains("--password-stdin <<< [REDACTED]", run.Output, StringComparison.Ordinal);
        Assert.Contains("up --detach --no-deps web", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Rig.HarborPassword, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Rig.SshPassword, run.Output, StringComparison.Ordinal);
        Assert.Equal(before, probe.ComposeBytes("dev"));
        Assert.Equal(web, await probe.ContainerIdAsync("dev", "web"));
        Assert.DoesNotContain(tag, await probe.RegistryTagsAsync());
        Assert.False(probe.LockExists("dev"));
        Assert.Empty(probe.History("dev"));
    }

    [Fact]
    public async Task Plan_mode_without_a_reachable_server_still_prints_the_plan()
    {
        var variables = fixture.Rig.DeployVariables();
        variables["SSH_PORT"] = "1";

        var run = await BuildScript.RunAsync(variables, "--target=DeployStage", "--exclusive", "--image-tag=v9", "--dry-run");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("cannot read from", run.Output, StringComparison.Ordinal);
        Assert.Contains("docker pull " + fixture.Rig.Repository + ":v9", run.Output, StringComparison.Ordinal);
    }
}
