using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>The part of a deploy that changes the server: write the files, recreate the services, gate on health, or undo.</summary>
internal sealed class ChangeStep(DeploySession session, ComposeChange change, IReadOnlyList<RunningImage> previous, PreviousImages images)
{
    public async Task ApplyAsync(Attempt attempt, RunOrigin origin, CancellationToken cancellationToken)
    {
        try
        {
            await new ComposeFiles(session.Host, session.Target).WriteAsync(change);
        }
        catch (Exception exception) when (exception is not RemoteHostException)
        {
            // The files change together or not at all, so nothing of the deploy is on the server to undo.
            var files = exception is FileChangedException ? "the files keep the edit made on the server" : "the files are as they were";
            throw await session.FailAsync(attempt, origin, exception,
                $"nothing was recreated and {files}; {session.Target.Environment} still runs {change.From}");
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await ServerCompose.UpAsync(session.Host, change.Before, change.Services);
            var problem = await session.HealthGate(change.Before).WaitAsync(change.Services, cancellationToken);
            if (problem is not null)
            {
                throw new DeployException(problem);
            }
        }
        catch (Exception exception) when (exception is not RemoteHostException)
        {
            var restored = await new Restorer(session, change, previous, images).RestoreAsync();
            throw await session.FailAsync(attempt, origin, exception, restored);
        }
    }
}
