using Cake.Core.Diagnostics;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// After the connection dropped mid-deploy: a second connection puts the compose file back, brings the previous
/// version up, checks it, releases the lock and records the failure, so nothing is left half-done.
/// </summary>
internal sealed class Recovery(DeploySession session, ComposeCli compose, DeployLock held)
{
    public async Task<DeployException> RecoverAsync(RemoteHostException lost, Attempt attempt, ComposeSnapshot before, ComposeChange change, RunOrigin origin)
    {
        session.Log.Warning("{0} Reconnecting to put {1} back as it was.", lost.Message, session.Target.Environment);
        IRemoteHost again;
        try
        {
            again = session.Reconnect is null ? throw new RemoteHostException("no second connection is possible") : await session.Reconnect();
        }
        catch (RemoteHostException failed)
        {
            return new DeployException($"{attempt.Action} of {attempt.To} to {session.Target.Environment} failed: {lost.Message.TrimEnd('.')}; " +
                $"reconnecting failed too ({failed.Message.TrimEnd('.')}): the server keeps the state it reached; run the deploy again to converge.", lost);
        }

        await using (again)
        {
            var recovered = session with { Host = again };
            var files = new ComposeFiles(again, session.Target);
            var state = await new Restorer(again, compose, files, recovered.HealthGate(), session.Log).RestoreAsync(change.After, before, change.Services);
            await held.ReleaseWithAsync(again);
            return await recovered.FailAsync(attempt, origin, lost, "reconnected: " + state);
        }
    }
}
