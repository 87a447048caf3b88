using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Deployment;
using Infosync.Deploy.Remote;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

/// <summary>The lock's scripts on keeper lines and takeovers that go wrong, run by a real /bin/sh in a scratch directory.</summary>
public sealed class LockTakeoverScriptTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("infosync-lock-");
    private readonly LocalShellHost host = new();
    private readonly LockHolder holder = new("alice", "deploy", "v2", DateTimeOffset.UtcNow, null, null);

    public void Dispose() => directory.Delete(recursive: true);

    [Fact]
    public async Task A_keeper_line_with_extra_fields_whose_process_lives_is_alive()
    {
        await using var keeper = await host.StartAttachedAsync(LockCommands.Keeper("infosync-deploy-lock-wide"));
        PlantLock($"{keeper.FirstLine} infosync-deploy-lock-wide written by a newer version\n");

        var state = LockState.Parse((await host.RunAsync(LockCommands.Describe(directory.FullName))).StandardOutput)!;

        Assert.True(state.KeeperAlive);
        Assert.Equal("infosync-deploy-lock-wide", state.Marker);
        Assert.False(state.MayBeTakenOver(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_keeper_line_with_extra_fields_whose_process_ended_is_abandoned_and_taken_over()
    {
        var ended = await host.StartAttachedAsync(LockCommands.Keeper("infosync-deploy-lock-wide-gone"));
        var pid = ended.FirstLine;
        await ended.DisposeAsync();
        PlantLock($"{pid} infosync-deploy-lock-wide-gone written by a newer version\n");

        var state = LockState.Parse((await host.RunAsync(LockCommands.Describe(directory.FullName))).StandardOutput)!;
        var takeOver = await host.RunAsync(LockCommands.TryTakeOver(directory.FullName, state.Marker));
        var retry = await host.RunAsync(LockCommands.TryAcquire(directory.FullName, holder, "1", "infosync-deploy-lock-next"));

        Assert.True(state.IsAbandoned);
        Assert.Equal("infosync-deploy-lock-wide-gone", state.Marker);
        Assert.True(takeOver.ExitCode == 0, takeOver.StandardError);
        Assert.Equal(0, retry.ExitCode);
    }

    [Fact]
    public async Task A_lock_whose_keeper_lives_is_not_taken_over_however_old()
    {
        await using var keeper = await host.StartAttachedAsync(LockCommands.Keeper("infosync-deploy-lock-old"));
        var lockDirectory = PlantLock($"{keeper.FirstLine} infosync-deploy-lock-old\n");
        lockDirectory.LastWriteTimeUtc = DateTime.UtcNow.AddHours(-2);

        var state = LockState.Parse((await host.RunAsync(LockCommands.Describe(directory.FullName))).StandardOutput)!;

        Assert.True(state.Age >= TimeSpan.FromHours(2), state.Age.ToString());
        Assert.True(state.KeeperAlive);
        Assert.False(state.MayBeTakenOver(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Taking_over_fails_naming_the_takeover_file_when_it_cannot_be_opened()
    {
        var ended = await host.StartAttachedAsync(LockCommands.Keeper("infosync-deploy-lock-stuck"));
        var pid = ended.FirstLine;
        await ended.DisposeAsync();
        var lockDirectory = PlantLock($"{pid} infosync-deploy-lock-stuck\n");
        Directory.CreateDirectory(Path.Combine(directory.FullName, ".deploy", ".takeover"));

        var takeOver = await host.RunAsync(LockCommands.TryTakeOver(directory.FullName, "infosync-deploy-lock-stuck"));

        Assert.NotEqual(0, takeOver.ExitCode);
        Assert.Contains(".takeover", takeOver.StandardError, StringComparison.Ordinal);
        Assert.True(Directory.Exists(lockDirectory.FullName));
    }

    // A lock as another deploy's machine would have written it, with the keeper line given verbatim.
    private DirectoryInfo PlantLock(string keeperLine)
    {
        var lockDirectory = Directory.CreateDirectory(Path.Combine(directory.FullName, ".deploy", "lock"));
        File.WriteAllText(Path.Combine(lockDirectory.FullName, "keeper"), keeperLine);
        File.WriteAllText(Path.Combine(lockDirectory.FullName, "holder.json"), holder.ToJson() + "\n");
        return lockDirectory;
    }

    [Fact]
    public async Task A_lock_directory_that_cannot_be_made_is_reported_as_it_is_not_as_a_lock_held_by_nobody()
    {
        // As a .deploy another user owns would be for the deploy's user; the tests run as root, whom no mode stops.
        Directory.CreateDirectory(Path.Combine(directory.FullName, ".deploy"));
        await File.WriteAllTextAsync(Path.Combine(directory.FullName, ".deploy", "lock"), "not a directory\n");

        var result = await host.RunAsync(LockCommands.TryAcquire(directory.FullName, holder, "1", "infosync-deploy-lock-x"));

        Assert.Equal(10, result.ExitCode);
        Assert.Contains("cannot create directory", result.StandardError, StringComparison.Ordinal);
    }
}
