using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Deployment;
using Infosync.Deploy.Remote;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

/// <summary>The lock's shell scripts, run by a real /bin/sh in a scratch deploy directory.</summary>
public sealed class LockScriptsTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("infosync-lock-");
    private readonly LocalShellHost host = new();
    private readonly LockHolder holder = new("alice", "deploy", "v2", DateTimeOffset.UtcNow, null, null);

    public void Dispose() => directory.Delete(recursive: true);

    [Fact]
    public async Task The_first_acquire_wins_and_a_second_sees_a_live_holder()
    {
        await using var keeper = await host.StartAttachedAsync(LockCommands.Keeper("infosync-deploy-lock-a"));
        var first = await host.RunAsync(LockCommands.TryAcquire(directory.FullName, holder, keeper.FirstLine, "infosync-deploy-lock-a"));

        var second = await host.RunAsync(LockCommands.TryAcquire(directory.FullName, holder, "1", "infosync-deploy-lock-b"));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(LockCommands.Held, second.ExitCode);
        var state = LockState.Parse(second.StandardOutput)!;
        Assert.True(state.KeeperAlive);
        Assert.Equal("alice", state.Holder!.Who);
    }

    [Fact]
    public async Task A_lock_whose_keeper_ended_is_abandoned_and_can_be_taken_over()
    {
        var keeper = await host.StartAttachedAsync(LockCommands.Keeper("infosync-deploy-lock-gone"));
        await host.RunAsync(LockCommands.TryAcquire(directory.FullName, holder, keeper.FirstLine, "infosync-deploy-lock-gone"));
        await keeper.DisposeAsync();

        var state = LockState.Parse((await host.RunAsync(LockCommands.Describe(directory.FullName))).StandardOutput)!;
        var takeOver = await host.RunAsync(LockCommands.TryTakeOver(directory.FullName, state.Marker));
        var retry = await host.RunAsync(LockCommands.TryAcquire(directory.FullName, holder, "1", "infosync-deploy-lock-new"));

        Assert.True(state.IsAbandoned);
        Assert.Equal(0, takeOver.ExitCode);
        Assert.Equal(0, retry.ExitCode);
    }

    [Fact]
    public async Task A_lock_another_deploy_is_making_right_now_is_refused_naming_its_holder()
    {
        await using var keeper = await host.StartAttachedAsync(LockCommands.Keeper("infosync-deploy-lock-maker"));
        var lockDirectory = Directory.CreateDirectory(Path.Combine(directory.FullName, ".deploy", "lock"));
        var acquire = host.RunAsync(LockCommands.TryAcquire(directory.FullName, holder, "1", "infosync-deploy-lock-late"));

        await Task.Delay(300);
        File.WriteAllText(Path.Combine(lockDirectory.FullName, "keeper"), $"{keeper.FirstLine} infosync-deploy-lock-maker\n");
        File.WriteAllText(Path.Combine(lockDirectory.FullName, "holder.json"), holder.ToJson() + "\n");
        var result = await acquire;

        Assert.Equal(LockCommands.Held, result.ExitCode);
        var state = LockState.Parse(result.StandardOutput)!;
        Assert.True(state.KeeperAlive);
        Assert.Equal("alice", state.Holder!.Who);
    }

    [Fact]
    public async Task A_lock_released_while_its_files_were_awaited_is_taken()
    {
        var lockDirectory = Directory.CreateDirectory(Path.Combine(directory.FullName, ".deploy", "lock"));
        var acquire = host.RunAsync(LockCommands.TryAcquire(directory.FullName, holder, "1", "infosync-deploy-lock-next"));

        await Task.Delay(300);
        lockDirectory.Delete();

        Assert.Equal(0, (await acquire).ExitCode);
        Assert.Contains("infosync-deploy-lock-next", File.ReadAllText(Path.Combine(lockDirectory.FullName, "keeper")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lock_still_without_a_keeper_after_ten_seconds_is_abandoned_and_can_be_taken_over()
    {
        var lockDirectory = Directory.CreateDirectory(Path.Combine(directory.FullName, ".deploy", "lock"));
        lockDirectory.LastWriteTimeUtc = DateTime.UtcNow.AddSeconds(-11);

        var state = LockState.Parse((await host.RunAsync(LockCommands.Describe(directory.FullName))).StandardOutput)!;
        var takeOver = await host.RunAsync(LockCommands.TryTakeOver(directory.FullName, state.Marker));

        Assert.True(state.IsAbandoned);
        Assert.Null(state.Holder);
        Assert.Equal(0, takeOver.ExitCode);
        Assert.False(Directory.Exists(lockDirectory.FullName));
    }

    [Fact]
    public async Task A_lock_just_made_without_a_keeper_yet_is_not_abandoned()
    {
        Directory.CreateDirectory(Path.Combine(directory.FullName, ".deploy", "lock"));

        var state = LockState.Parse((await host.RunAsync(LockCommands.Describe(directory.FullName))).StandardOutput)!;

        Assert.Null(state.KeeperAlive);
        Assert.False(state.IsAbandoned);
    }

    [Fact]
    public async Task Taking_over_refuses_a_lock_that_changed_hands_since_it_was_judged()
    {
        await host.RunAsync(LockCommands.TryAcquire(directory.FullName, holder, "1", "infosync-deploy-lock-current"));

        var takeOver = await host.RunAsync(LockCommands.TryTakeOver(directory.FullName, "infosync-deploy-lock-previous"));

        Assert.NotEqual(0, takeOver.ExitCode);
        Assert.True(Directory.Exists(Path.Combine(directory.FullName, ".deploy", "lock")));
    }

    [Fact]
    public async Task Release_removes_only_our_own_lock()
    {
        await host.RunAsync(LockCommands.TryAcquire(directory.FullName, holder, "1", "infosync-deploy-lock-ours"));

        await host.RunAsync(LockCommands.ReleaseIfOurs(directory.FullName, "infosync-deploy-lock-theirs"));
        var stillThere = Directory.Exists(Path.Combine(directory.FullName, ".deploy", "lock"));
        await host.RunAsync(LockCommands.ReleaseIfOurs(directory.FullName, "infosync-deploy-lock-ours"));

        Assert.True(stillThere);
        Assert.False(Directory.Exists(Path.Combine(directory.FullName, ".deploy", "lock")));
    }

    [Fact]
    public async Task A_missing_deploy_directory_is_reported_not_created()
    {
        var missing = Path.Combine(directory.FullName, "missing");

        var result = await host.RunAsync(LockCommands.TryAcquire(missing, holder, "1", "m"));

        Assert.Equal(LockCommands.NoDeployDirectory, result.ExitCode);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task Ten_acquires_at_once_give_exactly_one_lock_and_nine_refusals_naming_its_holder()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            host.RunAsync(LockCommands.TryAcquire(directory.FullName, holder, "1", $"infosync-deploy-lock-{i}"))));

        Assert.Single(results, r => r.ExitCode == 0);
        var refusals = results.Where(r => r.ExitCode == LockCommands.Held).ToList();
        Assert.Equal(9, refusals.Count);
        Assert.All(refusals, r => Assert.Equal("alice", LockState.Parse(r.StandardOutput)!.Holder?.Who));
    }
}
