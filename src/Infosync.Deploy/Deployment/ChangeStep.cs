using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>The part of a deploy that changes the server: write the files, recreate the services, gate on health, or undo.</summary>
internal sealed class ChangeStep(DeploySession session, ComposeCli compose, ComposeFiles files)
{
    public async Task ApplyAsync(ComposeSnapshot before, ComposeChange change, Attempt attempt, RunOrigin origin, CancellationToken cancellationToken)
    {
        var gate = session.HealthGate();
        try
        {
            await files.WriteAsync(before, change.After);
            cancellationToken.ThrowIfCancellationRequested();
            await ServerCompose.UpAsync(session.Host, compose, files.ComposePath, change.Services);
            var problem = await gate.WaitAsync(change.Services, cancellationToken);
            if (problem is not null)
            {
                throw new DeployException(problem);
            }
        }
        catch (Exception exception) when (exception is not RemoteHostException)
        {
            var restored = await new Restorer(session.Host, compose, files, gate, session.Log).RestoreAsync(change.After, before, change.Services);
            throw await session.FailAsync(attempt, origin, exception, restored);
        }
    }
}
