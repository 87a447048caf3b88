using Cake.Core.Diagnostics;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Remote;

/// <summary>Opens the host an environment's settings name: this machine, one SSH connection, or a plan of either.</summary>
public static class RemoteHosts
{
    /// <summary>
    /// Opens the host. In plan mode the connection is only tried, for read-only commands; when it fails the plan
    /// says why and goes on without it.
    /// </summary>
    public static async Task<IRemoteHost> OpenAsync(SshSettings ssh, bool plan, ICakeLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ssh);
        ArgumentNullException.ThrowIfNull(log);
        if (!plan)
        {
            return await ConnectAsync(ssh, plan, log, cancellationToken);
        }

        try
        {
            return new PlanRemoteHost(ssh.Display, await ConnectAsync(ssh, plan, log, cancellationToken), log);
        }
        catch (RemoteHostException exception)
        {
            log.Warning("Plan mode: cannot read from {0} ({1}); showing the commands without the server's current state.",
                ssh.Display, exception.Message);
            return new PlanRemoteHost(ssh.Display, null, log);
        }
    }

    private static async Task<IRemoteHost> ConnectAsync(SshSettings ssh, bool plan, ICakeLog log, CancellationToken cancellationToken)
    {
        if (ssh.IsLocal)
        {
            return new LocalShellHost();
        }

        var verifier = new HostKeyVerifier(ssh.KnownHosts, ssh.HostKeyPolicy, mayRecord: !plan, log);
        return await SshRemoteHost.ConnectAsync(ssh, verifier, cancellationToken);
    }
}
