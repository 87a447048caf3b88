using Cake.Core.Diagnostics;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Deployment;

/// <summary>After a failed change: the original files back byte for byte, the previous image up, its health checked.</summary>
internal sealed class Restorer(IRemoteHost host, ComposeCli compose, ComposeFiles files, HealthGate gate, ICakeLog log)
{
    /// <summary>Restores and says, in a clause, what state the environment is in now.</summary>
    public async Task<string> RestoreAsync(ComposeSnapshot written, ComposeSnapshot original, IReadOnlyCollection<string> services)
    {
        log.Warning("Rolling back {0} on {1}: restoring {2} and the previous containers.", string.Join(", ", services), host.Name, files.ComposePath);
        try
        {
            await files.RestoreAsync(written, original);
            await ServerCompose.UpAsync(host, compose, files.ComposePath, services);
            var problem = await gate.WaitAsync(services, CancellationToken.None);
            return problem is null
                ? "rolled back: the previous version runs again and the compose file is as it was"
                : $"the compose file is restored, but the previous version is not healthy either ({problem})";
        }
        catch (Exception exception) when (exception is RemoteHostException or Commands.CommandFailedException or DeployException)
        {
            return $"the rollback failed too ({exception.Message}); run the deploy again to converge";
        }
    }
}
