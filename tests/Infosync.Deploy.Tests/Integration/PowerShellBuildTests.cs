using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>./build.ps1 on PowerShell 7.6.9 runs the same host as ./build.sh, on the rig.</summary>
[Collection(RigTests.Name)]
public sealed class PowerShellBuildTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    [Fact]
    public async Task Build_ps1_describes_the_tasks_exactly_as_build_sh_does()
    {
        var powerShell = await PowerShellBuild.RunAsync(fixture.Rig, "--description");
        var bash = await BuildScript.RunAsync("--description");

        Assert.True(powerShell.ExitCode == 0, powerShell.Output);
        Assert.Contains("DeployDev", powerShell.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(bash.StandardOutput, powerShell.StandardOutput);
        Assert.Equal(string.Empty, powerShell.StandardError);
    }

    [Fact]
    public async Task Build_ps1_plans_DeployDev_with_secrets_redacted_and_changes_nothing()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("pwsh-plan"));
        await fixture.ResetAsync("dev", old);
        var before = probe.ComposeBytes("dev");
        var web = await probe.ContainerIdAsync("dev", "web");
        // Given as an argument: host:port is what PowerShell's own -File binding would split at the ':'.
        var variables = fixture.Rig.DeployVariables();
        variables.Remove("HARBOR_HOST");

        var run = await PowerShellBuild.RunAsync(
            fixture.Rig, variables, "--target=DeployDev", $"--image-tag={tag}", $"--harbor-host={fixture.Rig.HarborHost}", "--dry-run");

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
        Assert.Empty(probe.History("dev"));
    }

    [Fact]
    public async Task Build_ps1_builds_pushes_and_deploys_dev()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("pwsh-dev"));
        await fixture.ResetAsync("dev", old);
        var sidecar = await probe.ContainerIdAsync("dev", "sidecar");

        var run = await PowerShellBuild.RunAsync(fixture.Rig, fixture.Rig.DeployVariables(), "--target=DeployDev", $"--image-tag={tag}");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(await probe.ServesAsync("dev", tag), await probe.PageAsync("dev"));
        Assert.Contains(tag, await probe.RegistryTagsAsync());
        Assert.Equal(sidecar, await probe.ContainerIdAsync("dev", "sidecar"));
        Assert.Contains($"{old} -> {fixture.Rig.Repository}:{tag}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"as {fixture.Rig["HARBOR_USERNAME"]}", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Rig.HarborPassword, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Rig.SshPassword, run.Output, StringComparison.Ordinal);
        Assert.False(probe.LockExists("dev"));
    }

    [Fact]
    public async Task A_failed_deploy_through_build_ps1_exits_1_with_the_hosts_one_line_error()
    {
        var old = RigProbe.Tag("base");
        await fixture.ResetAsync("dev", old);
        var before = probe.ComposeBytes("dev");
        var variables = fixture.Rig.DeployVariables();
        variables["HARBOR_PASSWORD"] = "not the password";

        var run = await PowerShellBuild.RunAsync(fixture.Rig, variables, "--target=DeployDev", "--exclusive", $"--image-tag={old}");

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.StandardError.Split('\n'), l => l.StartsWith("Error: ", StringComparison.Ordinal));
        Assert.Contains($"docker login to {fixture.Rig.HarborHost} as {fixture.Rig["HARBOR_USERNAME"]}", error, StringComparison.Ordinal);
        // Nothing of PowerShell's own: no error record, no stack of script lines.
        Assert.DoesNotContain("build.ps1:", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, probe.ComposeBytes("dev"));
        Assert.True(await probe.ServesAsync("dev", old));
        Assert.False(probe.LockExists("dev"));
    }
}
