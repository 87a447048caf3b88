using Cake.Core.Diagnostics;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// After a failed change: the original files back byte for byte, each previous image named by its old reference again
/// (a reused tag may have moved), the previous containers up, their health checked.
/// </summary>
internal sealed class Restorer(DeploySession session, ComposeChange change, IReadOnlyList<RunningImage> previous, PreviousImages images)
{
    /// <summary>Restores and says, in a clause, what state the environment is in now.</summary>
    public async Task<string> RestoreAsync()
    {
        var host = session.Host;
        session.Log.Warning("Rolling back {0} on {1}: restoring {2} and the previous containers.",
            string.Join(", ", change.Services), host.Name, change.Before.FileNames);
        try
        {
            await new ComposeFiles(host, session.Target).RestoreAsync(change);
            await images.PutBackAsync(previous);
            await ServerCompose.UpAsync(host, change.Before, change.Services);
            var problem = await session.HealthGate(change.Before).WaitAsync(change.Services, CancellationToken.None);
            if (problem is not null)
            {
                return $"the compose files are restored, but the previous version is not healthy either ({problem})";
            }

            var mismatch = await images.MismatchAsync(previous);
            return mismatch.Length == 0
                ? "rolled back: the previous version runs again and the compose files are as they were"
                : $"the compose files are restored, but {mismatch}";
        }
        catch (Exception exception) when (exception is RemoteHostException or Commands.CommandFailedException or DeployException)
        {
            return $"the rollback failed too ({exception.Message.TrimEnd('.')}); run the deploy again to converge";
        }
    }
}
