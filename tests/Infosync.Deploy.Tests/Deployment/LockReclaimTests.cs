using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Deployment;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

/// <summary>
/// A deploy whose connection dropped takes its lock back on a second connection before it undoes anything, and only
/// while the lock is still its own or free: run by a real /bin/sh in a scratch deploy directory.
/// </summary>
public sealed class LockReclaimTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("infosync-reclaim-");
    private readonly LocalShellHost host = new();
    private readonly LockHolder holder = new("alice", "deploy", "v2", DateTimeOffset.UtcNow, null, null);

    public void Dispose() => directory.Delete(recursive: true);

    [Fact]
    public async Task A_lock_still_held_under_the_old_marker_is_taken_back_with_the_new_keeper()
    {
        var old = await host.StartAttachedAsync(LockCommands.Keeper("infosync-deploy-lock-old"));
        await host.RunAsync(LockCommands.TryAcquire(directory.FullName, holder, old.FirstLine, "infosync-deploy-lock-old"));
        await old.DisposeAsync();
        await using var again = await host.StartAttachedAsync(LockCommands.Keeper("infosync-deploy-lock-new"));

        var reclaim = await host.RunAsync(LockCommands.TryReclaim(directory.FullName, "infosync-deploy-lock-old", holder, again.FirstLine, "infosync-deploy-lock-new"));
        var state = LockState.Parse((await host.RunAsync(LockCommands.Describe(directory.FullName))).StandardOutput)!;

        Assert.Equal(0, reclaim.ExitCode);
        Assert.Equal("infosync-deploy-lock-new", state.Marker);
        Assert.True(state.KeeperAlive);
    }

    [Fact]
    public async Task A_free_lock_is_taken_as_a_new_deploy_would()
    {
        await using var again = await host.StartAttachedAsync(LockCommands.Keeper("infosync-deploy-lock-new"));

        var reclaim = await host.RunAsync(LockCommands.TryReclaim(directory.FullName, "infosync-deploy-lock-old", holder, again.FirstLine, "infosync-deploy-lock-new"));

        Assert.Equal(0, reclaim.ExitCode);
        Assert.Equal("alice", LockState.Parse((await host.RunAsync(LockCommands.Describe(directory.FullName))).StandardOutput)!.Holder!.Who);
    }

    [Fact]
    public async Task A_lock_another_deploy_took_over_meanwhile_is_not_taken_back()
    {
        var bob = holder with { Who = "bob" };
        await using var other = await host.StartAttachedAsync(LockCommands.Keeper("infosync-deploy-lock-bob"));
        await host.RunAsync(LockCommands.TryAcquire(directory.FullName, bob, other.FirstLine, "infosync-deploy-lock-bob"));

        var reclaim = await host.RunAsync(LockCommands.TryReclaim(directory.FullName, "infosync-deploy-lock-old", holder, "1", "infosync-deploy-lock-new"));

        Assert.Equal(LockCommands.Held, reclaim.ExitCode);
        Assert.Equal("bob", LockState.Parse(reclaim.StandardOutput)!.Holder!.Who);
        Assert.Equal("infosync-deploy-lock-bob", LockState.Parse((await host.RunAsync(LockCommands.Describe(directory.FullName))).StandardOutput)!.Marker);
    }

    [Fact]
    public async Task Reclaim_through_the_lock_object_reports_the_new_holder_and_starts_no_keeper_that_outlives_it()
    {
        var bob = holder with { Who = "bob" };
        await using var other = await host.StartAttachedAsync(LockCommands.Keeper("infosync-deploy-lock-bob"));
        var local = new SshSettings(SshSettings.LocalHost, 0, null, null, null, new KnownHostsSource(null, null), HostKeyPolicy.Strict, TimeSpan.FromSeconds(5));
        var target = new DeployTarget(DeployEnvironment.Dev, local, directory.FullName,
            new(null, TimeSpan.FromSeconds(5), TimeSpan.Zero), new(TimeSpan.Zero, TimeSpan.FromSeconds(1800)));
        var ours = await DeployLock.AcquireAsync(host, target, holder, new Rig.NullLog(), CancellationToken.None);
        await host.RunAsync(LockCommands.Remove(directory.FullName));
        await host.RunAsync(LockCommands.TryAcquire(directory.FullName, bob, other.FirstLine, "infosync-deploy-lock-bob"));
        var named = string.Empty;

        var reclaimed = await ours.ReclaimAsync(host, now => named = now);
        await ours.DisposeAsync();

        Assert.Null(reclaimed);
        Assert.StartsWith("bob, deploy of v2", named, StringComparison.Ordinal);
        Assert.Equal("bob", LockState.Parse((await host.RunAsync(LockCommands.Describe(directory.FullName))).StandardOutput)!.Holder!.Who);
    }
}
