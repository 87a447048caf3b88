using Cake.Core.Diagnostics;
using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>An environment's deploy lock, held from acquisition until disposed; see <see cref="LockCommands"/>.</summary>
public sealed class DeployLock : IAsyncDisposable
{
    private readonly IRemoteHost host;
    private readonly DeployTarget target;
    private readonly LockHolder holder;
    private readonly string marker;
    private readonly AttachedProcess keeper;

    private DeployLock(IRemoteHost host, DeployTarget target, LockHolder holder, string marker, AttachedProcess keeper)
    {
        this.host = host;
        this.target = target;
        this.holder = holder;
        this.marker = marker;
        this.keeper = keeper;
    }

    /// <summary>Takes the lock, waiting up to the lock-wait setting; throws <see cref="LockHeldException"/> when it cannot.</summary>
    public static async Task<DeployLock> AcquireAsync(
        IRemoteHost host, DeployTarget target, LockHolder holder, ICakeLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(holder);
        var marker = NewMarker();
        var keeper = await host.StartAttachedAsync(LockCommands.Keeper(marker), cancellationToken);
        try
        {
            await new LockWait(host, target, log).AcquireAsync(holder, keeper.FirstLine, marker, cancellationToken);
            return new DeployLock(host, target, holder, marker, keeper);
        }
        catch
        {
            await keeper.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Takes this lock back through <paramref name="other"/>, a second connection opened after the one that held it
    /// dropped (its keeper died with it): only while the lock is still this one's, or free. Returns null, naming the new
    /// holder in <paramref name="holderNow"/>, when another deploy has taken it over since; its work must not be undone.
    /// </summary>
    public async Task<DeployLock?> ReclaimAsync(IRemoteHost other, Action<string> holderNow)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(holderNow);
        var newMarker = NewMarker();
        var newKeeper = await other.StartAttachedAsync(LockCommands.Keeper(newMarker), CancellationToken.None);
        var result = await other.RunAsync(LockCommands.TryReclaim(target.Directory, marker, holder, newKeeper.FirstLine, newMarker), CancellationToken.None);
        if (result.Succeeded)
        {
            return new DeployLock(other, target, holder, newMarker, newKeeper);
        }

        await newKeeper.DisposeAsync();
        if (result.ExitCode != LockCommands.Held)
        {
            result.EnsureSuccess($"Taking the deploy lock in {target.Directory} back on {other.Name}");
        }

        holderNow(LockState.Parse(result.StandardOutput)?.Describe(DateTimeOffset.UtcNow) ?? "another deploy");
        return null;
    }

    /// <summary>Releases the lock, even when the deploy was cancelled.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.RunAsync(LockCommands.ReleaseIfOurs(target.Directory, marker), CancellationToken.None);
        }
        catch (RemoteHostException)
        {
            // The connection is gone, and with it the keeper: the next deploy sees the lock as abandoned.
        }
        finally
        {
            await keeper.DisposeAsync();
        }
    }

    private static string NewMarker() => "infosync-deploy-lock-" + Guid.NewGuid().ToString("N")[..16];
}
