using Cake.Core.Diagnostics;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>An environment's deploy lock, held from acquisition until disposed; see <see cref="LockScripts"/>.</summary>
public sealed class DeployLock : IAsyncDisposable
{
    private readonly IRemoteHost host;
    private readonly string directory;
    private readonly string marker;
    private readonly AttachedProcess keeper;

    private DeployLock(IRemoteHost host, string directory, string marker, AttachedProcess keeper)
    {
        this.host = host;
        this.directory = directory;
        this.marker = marker;
        this.keeper = keeper;
    }

    /// <summary>Takes the lock, waiting up to the lock-wait setting; throws <see cref="LockHeldException"/> when it cannot.</summary>
    public static async Task<DeployLock> AcquireAsync(
        IRemoteHost host, DeployTarget target, LockHolder holder, ICakeLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(target);
        var marker = "infosync-deploy-lock-" + Guid.NewGuid().ToString("N")[..16];
        var keeper = await host.StartAttachedAsync(LockScripts.Keeper(marker), cancellationToken);
        try
        {
            await WaitForLockAsync(host, target, holder, keeper.FirstLine, marker, log, cancellationToken);
            return new DeployLock(host, target.Directory, marker, keeper);
        }
        catch
        {
            await keeper.DisposeAsync();
            throw;
        }
    }

    /// <summary>Releases the lock through another connection, after the one that took it dropped.</summary>
    public async Task ReleaseWithAsync(IRemoteHost other)
    {
        ArgumentNullException.ThrowIfNull(other);
        await other.RunAsync(LockScripts.ReleaseIfOurs(directory, marker), CancellationToken.None);
    }

    /// <summary>Releases the lock, even when the deploy was cancelled.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.RunAsync(LockScripts.ReleaseIfOurs(directory, marker), CancellationToken.None);
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

    private static async Task WaitForLockAsync(IRemoteHost host, DeployTarget target, LockHolder holder,
        string keeperPid, string marker, ICakeLog log, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + target.Lock.Wait;
        var announced = false;
        while (true)
        {
            var result = await host.RunAsync(
                LockScripts.TryAcquire(target.Directory, holder, keeperPid, marker), cancellationToken);
            if (result.Succeeded)
            {
                return;
            }

            if (result.ExitCode == LockScripts.NoDeployDirectory)
            {
                throw new DeployException($"The deploy directory {target.Directory} does not exist on {host.Name}.");
            }

            if (result.ExitCode != LockScripts.Held)
            {
                result.EnsureSuccess($"Taking the deploy lock in {target.Directory} on {host.Name}");
            }

            var state = LockState.Parse(result.StandardOutput) ?? new LockState(TimeSpan.Zero, null, string.Empty, null);
            var now = DateTimeOffset.UtcNow;
            if (state.MayBeTakenOver(target.Lock.StaleAfter))
            {
                log.Warning("Taking over the deploy lock of {0}: {1} ({2}).", target.Environment, state.Describe(now),
                    state.IsAbandoned ? "that deploy is gone" : $"older than {target.Lock.StaleAfter.TotalSeconds:0} s");
                await host.RunAsync(LockScripts.TryTakeOver(target.Directory, state.Marker), cancellationToken);
                continue;
            }

            if (now >= deadline)
            {
                throw new LockHeldException($"{target.Environment} is locked by {state.Describe(now)}; " +
                    $"waited {target.Lock.Wait.TotalSeconds:0} s ({SettingNames.LockWait(target.Environment).Display}). " +
                    $"If that deploy is gone, run Unlock{char.ToUpperInvariant(target.Environment.Name[0])}{target.Environment.Name[1..]}.");
            }

            if (!announced)
            {
                log.Information("Waiting for the deploy lock of {0}, held by {1}.", target.Environment, state.Describe(now));
                announced = true;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }
}
