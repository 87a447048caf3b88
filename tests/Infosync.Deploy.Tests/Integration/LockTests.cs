using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>The deploy lock: one deploy at a time, released on every exit, abandoned locks taken over, Unlock by hand.</summary>
[Collection(RigTests.Name)]
public sealed class LockTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    [Fact]
    public async Task Of_two_deploys_started_at_once_one_succeeds_and_the_other_names_the_holder()
    {
        var (old, first, second) = (RigProbe.Tag("base"), RigProbe.Tag("race-a"), RigProbe.Tag("race-b"));
        await fixture.PublishAsync(first);
        await fixture.PublishAsync(second);
        await fixture.ResetAsync("pilot", old);
        var variables = fixture.Rig.DeployVariables();
        variables["HEALTH_SETTLE"] = "3";

        var runs = await Task.WhenAll(
            BuildScript.RunAsync(variables, "--target=DeployPilot", "--exclusive", $"--image-tag={first}"),
            BuildScript.RunAsync(variables, "--target=DeployPilot", "--exclusive", $"--image-tag={second}"));

        var winner = Assert.Single(runs, r => r.ExitCode == 0);
        var loser = Assert.Single(runs, r => r.ExitCode != 0);
        Assert.Contains("pilot is locked by ", loser.StandardError, StringComparison.Ordinal);
        Assert.Contains("deploy of t", loser.StandardError, StringComparison.Ordinal);
        var deployed = winner == runs[0] ? first : second;
        Assert.True(await probe.ServesAsync("pilot", deployed));
        Assert.Contains($"image: {fixture.Rig.Repository}:{deployed}\n", File.ReadAllText(probe.ComposePath("pilot")), StringComparison.Ordinal);
        Assert.False(probe.LockExists("pilot"));
    }

    [Fact]
    public async Task A_second_deploy_waits_for_the_lock_when_allowed_to()
    {
        var (old, first, second) = (RigProbe.Tag("base"), RigProbe.Tag("queue-a"), RigProbe.Tag("queue-b"));
        await fixture.PublishAsync(first);
        await fixture.PublishAsync(second);
        await fixture.ResetAsync("pilot", old);
        var variables = fixture.Rig.DeployVariables();
        variables["HEALTH_SETTLE"] = "3";
        using var firstRun = BackgroundBuild.Start(variables, "--target=DeployPilot", "--exclusive", $"--image-tag={first}");
        await firstRun.WaitForOutputAsync("Pulling", TimeSpan.FromSeconds(60));

        var secondRun = await BuildScript.RunAsync(variables, "--target=DeployPilot", "--exclusive", $"--image-tag={second}", "--lock-wait=60");

        Assert.Equal(0, await firstRun.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.True(secondRun.ExitCode == 0, secondRun.Output);
        Assert.Contains("Waiting for the deploy lock of pilot", secondRun.Output, StringComparison.Ordinal);
        Assert.True(await probe.ServesAsync("pilot", second));
    }

    [Fact]
    public async Task A_deploy_stopped_with_SIGTERM_rolls_back_and_leaves_no_lock()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("term"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old);
        var before = probe.ComposeBytes("dev");
        var variables = fixture.Rig.DeployVariables();
        variables["HEALTH_SETTLE"] = "8";
        using var run = BackgroundBuild.Start(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}");
        await run.WaitForOutputAsync("Pulling", TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3));

        await run.SignalAsync(15);
        var exitCode = await run.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Received SIGTERM", run.Output, StringComparison.Ordinal);
        Assert.Contains("cancelled", run.Output, StringComparison.Ordinal);
        Assert.False(probe.LockExists("dev"));
        Assert.True(await probe.ServesAsync("dev", old), await probe.PageAsync("dev"));
        Assert.Equal(before, probe.ComposeBytes("dev"));
    }

    [Fact]
    public async Task After_SIGKILL_the_next_deploy_takes_over_the_abandoned_lock_and_converges()
    {
        var (old, killed, next) = (RigProbe.Tag("base"), RigProbe.Tag("killed"), RigProbe.Tag("after-kill"));
        await fixture.PublishAsync(killed);
        await fixture.PublishAsync(next);
        await fixture.ResetAsync("dev", old);
        var variables = fixture.Rig.DeployVariables();
        variables["HEALTH_SETTLE"] = "8";
        using (var run = BackgroundBuild.Start(variables, "--target=DeployDev", "--exclusive", $"--image-tag={killed}"))
        {
            await run.WaitForOutputAsync("Pulling", TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(3));
            await run.SignalAsync(9);
            await run.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.True(probe.LockExists("dev"));
        var serving = await probe.PageAsync("dev");
        Assert.True(serving.Contains($"version: {old}<", StringComparison.Ordinal) || serving.Contains($"version: {killed}<", StringComparison.Ordinal), serving);

        var rerun = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployDev", "--exclusive", $"--image-tag={next}");

        Assert.True(rerun.ExitCode == 0, rerun.Output);
        Assert.Contains("that deploy is gone", rerun.Output, StringComparison.Ordinal);
        Assert.True(await probe.ServesAsync("dev", next));
        Assert.False(probe.LockExists("dev"));
    }

    [Fact]
    public async Task A_live_foreign_lock_blocks_deploys_until_unlocked_by_hand()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("unlocked"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("stage", old);
        using var holder = await ForeignLock.TakeAsync(fixture.Rig.DeployDirectory("stage"), "someone-else@laptop");

        var blocked = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployStage", "--exclusive", $"--image-tag={tag}");
        var unlock = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=UnlockStage");
        var deployed = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployStage", "--exclusive", $"--image-tag={tag}");

        Assert.NotEqual(0, blocked.ExitCode);
        Assert.Contains("stage is locked by someone-else@laptop", blocked.StandardError, StringComparison.Ordinal);
        Assert.Contains("run UnlockStage", blocked.StandardError, StringComparison.Ordinal);
        Assert.True(unlock.ExitCode == 0, unlock.Output);
        Assert.Contains("Removed the deploy lock of stage, held by someone-else@laptop", unlock.Output, StringComparison.Ordinal);
        Assert.True(deployed.ExitCode == 0, deployed.Output);
        Assert.True(await probe.ServesAsync("stage", tag));
    }
}
