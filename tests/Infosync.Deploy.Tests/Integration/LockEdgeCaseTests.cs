using Infosync.Deploy.Deployment;
using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>
/// The lock's edge cases, seen through the whole tool: a takeover that keeps failing ends in time, a live lock is
/// never taken over by age, a keeper line with extra fields is read, a stale-after of 0 is refused.
/// </summary>
[Collection(RigTests.Name)]
public sealed class LockEdgeCaseTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    [Fact]
    public async Task A_takeover_that_keeps_failing_ends_within_the_lock_wait_naming_why()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("stuck"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("stage", old);
        var before = probe.ComposeBytes("stage");
        var marker = "infosync-deploy-lock-" + Guid.NewGuid().ToString("N")[..16];
        var lockDirectory = await PlantedFiles.LockAsync(fixture.Rig, "stage", $"{await PlantedFiles.EndedProcessIdAsync(marker)} {marker}\n",
            new LockHolder("gone@elsewhere", "deploy", "v0", DateTimeOffset.UtcNow, null, null));
        var takeover = await PlantedFiles.UnopenableTakeoverAsync(fixture.Rig, "stage");
        try
        {
            // BuildScript gives the process 5 minutes: a takeover that spins forever fails by timing out, not by a clock.
            var run = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployStage", "--exclusive", $"--image-tag={tag}", "--lock-wait=3");

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("stage is locked by gone@elsewhere", run.StandardError, StringComparison.Ordinal);
            Assert.Contains("taking it over failed (", run.StandardError, StringComparison.Ordinal);
            Assert.Contains(".deploy/.takeover", run.StandardError, StringComparison.Ordinal);
            Assert.Contains("waited 3 s", run.StandardError, StringComparison.Ordinal);
            Assert.Contains(marker, File.ReadAllText(Path.Combine(lockDirectory, "keeper")), StringComparison.Ordinal);
            Assert.True(await probe.ServesAsync("stage", old), await probe.PageAsync("stage"));
            Assert.Equal(before, probe.ComposeBytes("stage"));
        }
        finally
        {
            Directory.Delete(takeover);
            Directory.Delete(lockDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task A_live_lock_older_than_lock_stale_after_is_not_taken_over()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("not-stale"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("stage", old);
        using var holder = await ForeignLock.TakeAsync(fixture.Rig.DeployDirectory("stage"), "long-deploy@laptop");
        var lockDirectory = Path.Combine(fixture.Rig.DeployDirectory("stage"), ".deploy", "lock");
        var keeper = File.ReadAllText(Path.Combine(lockDirectory, "keeper"));
        Directory.SetLastWriteTimeUtc(lockDirectory, DateTime.UtcNow.AddHours(-3));

        var run = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployStage", "--exclusive", $"--image-tag={tag}", "--lock-stale-after=1");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("stage is locked by long-deploy@laptop", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Taking over", run.Output, StringComparison.Ordinal);
        Assert.Equal(keeper, File.ReadAllText(Path.Combine(lockDirectory, "keeper")));
        Assert.True(await probe.ServesAsync("stage", old), await probe.PageAsync("stage"));
    }

    [Fact]
    public async Task A_lock_whose_keeper_line_has_extra_fields_and_whose_deploy_is_gone_is_taken_over()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("wide-keeper"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("stage", old);
        var marker = "infosync-deploy-lock-" + Guid.NewGuid().ToString("N")[..16];
        await PlantedFiles.LockAsync(fixture.Rig, "stage", $"{await PlantedFiles.EndedProcessIdAsync(marker)} {marker} host=build-7 version=2\n",
            new LockHolder("newer-tool@elsewhere", "deploy", "v0", DateTimeOffset.UtcNow, null, null));

        var run = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployStage", "--exclusive", $"--image-tag={tag}");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Taking over the deploy lock of stage: newer-tool@elsewhere", run.Output, StringComparison.Ordinal);
        Assert.Contains("that deploy is gone", run.Output, StringComparison.Ordinal);
        Assert.True(await probe.ServesAsync("stage", tag), await probe.PageAsync("stage"));
        Assert.False(probe.LockExists("stage"));
    }

    [Theory]
    [InlineData("--lock-stale-after=0")]
    [InlineData("LOCK_STALE_AFTER=0")]
    [InlineData("DEV_LOCK_STALE_AFTER=0")]
    public async Task Lock_stale_after_zero_is_refused_in_one_line_before_any_connection(string setting)
    {
        var variables = fixture.Rig.DeployVariables();
        string[] arguments = ["--target=DeployDev", "--exclusive", $"--image-tag={RigProbe.Tag("base")}"];
        if (setting.StartsWith("--", StringComparison.Ordinal))
        {
            arguments = [.. arguments, setting];
        }
        else
        {
            variables[setting.Split('=')[0]] = "0";
        }

        var sshdLog = RigSsh.LogMark(fixture.Rig);

        var run = await BuildScript.RunAsync(variables, arguments);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal("Error: --lock-stale-after (DEV_LOCK_STALE_AFTER or LOCK_STALE_AFTER): must be a whole number of seconds from 1 to 31536000, not '0'", error);
        Assert.Equal(sshdLog, RigSsh.LogMark(fixture.Rig));
    }
}
