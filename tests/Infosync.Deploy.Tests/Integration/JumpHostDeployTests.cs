using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>
/// Deploys through a jump host, as CI reaches pilot and stage servers behind a bastion. The target sshd listens only
/// inside the rig's network namespace, so a deploy that skipped the jump host could not connect at all.
/// </summary>
[Collection(RigTests.Name)]
public sealed class JumpHostDeployTests(RigFixture fixture)
{
    private const string TargetLog = "RIG_JUMP_TARGET_SSHD_LOG";
    private const string JumpLog = "RIG_JUMP_SSHD_LOG";

    private readonly RigProbe probe = new(fixture.Rig);

    [Fact]
    public async Task A_deploy_through_the_jump_host_passes_and_the_same_deploy_without_it_cannot_connect()
    {
        var jump = await fixture.JumpAsync();
        var (old, tag, other) = (RigProbe.Tag("base"), RigProbe.Tag("via-jump"), RigProbe.Tag("no-jump"));
        await fixture.PublishAsync(tag);
        await fixture.PublishAsync(other);
        await fixture.ResetAsync("pilot", old);
        var variables = jump.DeployVariables();
        var (targetMark, jumpMark) = (jump.LogMark(TargetLog), jump.LogMark(JumpLog));

        var through = await BuildScript.RunAsync(variables, "--target=DeployPilot", "--exclusive", $"--image-tag={tag}");
        var (targetLogins, jumpLogins) = (jump.LoginsSince(TargetLog, targetMark), jump.LoginsSince(JumpLog, jumpMark));
        var composeAfter = probe.ComposeBytes("pilot");
        variables.Remove("SSH_PROXY_JUMP");
        var direct = await BuildScript.RunAsync(variables, "--target=DeployPilot", "--exclusive", $"--image-tag={other}");

        Assert.True(through.ExitCode == 0, through.Output);
        Assert.Single(targetLogins);
        Assert.Single(jumpLogins);
        Assert.NotEqual(0, direct.ExitCode);
        Assert.Contains($"Cannot reach {jump.TargetHost}:{jump.TargetPort}: Connection refused.", direct.StandardError, StringComparison.Ordinal);
        Assert.True(await probe.ServesAsync("pilot", tag), await probe.PageAsync("pilot"));
        Assert.Equal(composeAfter, probe.ComposeBytes("pilot"));
        Assert.False(probe.LockExists("pilot"));
    }

    [Fact]
    public async Task A_plan_through_the_jump_host_reads_the_servers_compose_file_and_changes_nothing()
    {
        var jump = await fixture.JumpAsync();
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("jump-plan"));
        await fixture.ResetAsync("pilot", old);
        var before = probe.ComposeBytes("pilot");

        var run = await BuildScript.RunAsync(jump.DeployVariables(), "--target=DeployPilot", "--exclusive", $"--image-tag={tag}", "--dry-run");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.DoesNotContain("cannot read from", run.Output, StringComparison.Ordinal);
        Assert.Contains($"-    image: {fixture.Rig.Repository}:{old}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"+    image: {fixture.Rig.Repository}:{tag}", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, probe.ComposeBytes("pilot"));
        Assert.False(probe.LockExists("pilot"));
    }

    [Fact]
    public async Task The_jump_host_may_take_a_password_while_the_target_takes_the_key()
    {
        var jump = await fixture.JumpAsync();
        var variables = jump.DeployVariables();
        variables["SSH_PROXY_JUMP_PASSWORD"] = variables["SSH_PASSWORD"];
        variables.Remove("SSH_PASSWORD");
        variables["SSH_PRIVATE_KEY"] = fixture.Rig["RIG_SSH_PRIVATE_KEY"];
        var (targetMark, jumpMark) = (jump.LogMark(TargetLog), jump.LogMark(JumpLog));

        var run = await BuildScript.RunAsync(variables, "--target=StatusPilot", "--verbosity=diagnostic");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Single(jump.LoginsSince(JumpLog, jumpMark), l => l.StartsWith("Accepted password for deployer", StringComparison.Ordinal));
        Assert.Single(jump.LoginsSince(TargetLog, targetMark), l => l.StartsWith("Accepted publickey for deployer", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Rig.SshPassword, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_SIGKILL_the_lock_keeper_behind_the_jump_host_dies_with_the_connection()
    {
        var jump = await fixture.JumpAsync();
        var (old, killed, next) = (RigProbe.Tag("base"), RigProbe.Tag("jump-killed"), RigProbe.Tag("jump-after-kill"));
        await fixture.PublishAsync(killed);
        await fixture.PublishAsync(next);
        await fixture.ResetAsync("pilot", old);
        var variables = jump.DeployVariables();
        variables["HEALTH_SETTLE"] = "8";
        using (var run = BackgroundBuild.Start(variables, "--target=DeployPilot", "--exclusive", $"--image-tag={killed}"))
        {
            await run.WaitForOutputAsync("Pulling", TimeSpan.FromSeconds(60));
            await run.SignalAsync(9);
            await run.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.True(probe.LockExists("pilot"));

        var rerun = await BuildScript.RunAsync(jump.DeployVariables(), "--target=DeployPilot", "--exclusive", $"--image-tag={next}");

        Assert.True(rerun.ExitCode == 0, rerun.Output);
        Assert.Contains("that deploy is gone", rerun.Output, StringComparison.Ordinal);
        Assert.True(await probe.ServesAsync("pilot", next));
        Assert.False(probe.LockExists("pilot"));
    }
}
