using Cake.Core.Diagnostics;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// After the connection dropped mid-deploy: a second connection takes the deploy's lock back (only if no other deploy
/// took it over meanwhile), puts the files back, brings the previous version up, checks it, releases the lock and
/// records the failure, so nothing is left half-done and no other deploy's work is undone.
/// </summary>
internal sealed class Recovery(DeploySession session, DeployLock held, ComposeChange change, IReadOnlyList<RunningImage> previous, RegistrySettings registry)
{
    public async Task<DeployException> RecoverAsync(RemoteHostException lost, Attempt attempt, RunOrigin origin)
    {
        var target = session.Target;
        session.Log.Warning("{0} Reconnecting to put {1} back as it was.", lost.Message, target.Environment);
        IRemoteHost again;
        try
        {
            again = session.Reconnect is null ? throw new RemoteHostException("no second connection is possible") : await session.Reconnect();
        }
        catch (RemoteHostException failed)
        {
            return new DeployException($"{attempt.Action} of {attempt.To} to {target.Environment} failed: {lost.Message.TrimEnd('.')}; " +
                $"reconnecting failed too ({failed.Message.TrimEnd('.')}): the server keeps the state it reached; run the deploy again to converge.", lost);
        }

        await using (again)
        {
            var recovered = session with { Host = again };
            var holder = string.Empty;
            var reclaimed = await held.ReclaimAsync(again, now => holder = now);
            if (reclaimed is null)
            {
                return new DeployException($"{attempt.Action} of {attempt.To} to {target.Environment} failed: {lost.Message.TrimEnd('.')}; " +
                    $"reconnected, but {holder} has taken the deploy lock over since, so its work is left as it is.", lost);
            }

            await using (reclaimed)
            {
                var images = new PreviousImages(again, recovered.Containers(change.Before), target, registry);
                var state = await new Restorer(recovered, change, previous, images).RestoreAsync();
                return await recovered.FailAsync(attempt, origin, lost, "reconnected: " + state);
            }
        }
    }
}
