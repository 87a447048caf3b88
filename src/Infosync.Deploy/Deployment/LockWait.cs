using Cake.Core.Diagnostics;
using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// Waits for an environment's lock: takes it when free, takes over one left by a deploy that is gone, and otherwise
/// polls once a second until the lock-wait setting runs out. A takeover that fails is retried the same way, never in
/// a tight loop, and its reason ends up in the refusal.
/// </summary>
internal sealed class LockWait(IRemoteHost host, DeployTarget target, ICakeLog log)
{
    public async Task AcquireAsync(LockHolder holder, string keeperPid, string marker, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + target.Lock.Wait;
        var announced = false;
        string? takeoverFailure = null;
        while (true)
        {
            var result = await host.RunAsync(LockCommands.TryAcquire(target.Directory, holder, keeperPid, marker), cancellationToken);
            if (result.Succeeded)
            {
                return;
            }

            if (result.ExitCode == LockCommands.NoDeployDirectory)
            {
                throw new DeployException($"The deploy directory {target.Directory} does not exist on {host.Name}.");
            }

            if (result.ExitCode != LockCommands.Held)
            {
                result.EnsureSuccess($"Taking the deploy lock in {target.Directory} on {host.Name}");
            }

            var state = LockState.Parse(result.StandardOutput) ?? new LockState(TimeSpan.Zero, null, string.Empty, null);
            var now = DateTimeOffset.UtcNow;
            if (state.MayBeTakenOver(target.Lock.StaleAfter))
            {
                if (takeoverFailure is null)
                {
                    log.Warning("Taking over the deploy lock of {0}: {1} ({2}).", target.Environment, state.Describe(now),
                        state.IsAbandoned ? "that deploy is gone" : $"its deploy cannot be checked and it is older than {target.Lock.StaleAfter.TotalSeconds:0} s");
                }

                var takeover = await host.RunAsync(LockCommands.TryTakeOver(target.Directory, state.Marker), cancellationToken);
                if (takeover.Succeeded)
                {
                    continue;
                }

                takeoverFailure = takeover.Tail() is { Length: > 0 } tail ? tail : $"exit code {takeover.ExitCode}";
                log.Verbose("Taking over the lock failed: {0}", takeoverFailure);
            }

            if (now >= deadline)
            {
                throw new LockHeldException($"{target.Environment} is locked by {state.Describe(now)}; " +
                    (takeoverFailure is null ? string.Empty : $"taking it over failed ({takeoverFailure}); ") +
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
