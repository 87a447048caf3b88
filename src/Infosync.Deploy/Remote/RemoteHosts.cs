using Cake.Core.Diagnostics;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Remote;

/// <summary>Opens the host an environment's settings name: this machine, one SSH connection, or a plan of either.</summary>
public static class RemoteHosts
{
    /// <summary>
    /// Opens the host. In plan mode the connection is only tried, for read-only commands; when it fails the plan
    /// says why and goes on without it.
    /// </summary>
    public static async Task<IRemoteHost> OpenAsync(SshSettings ssh, bool plan, ICakeLog log, Redactor redactor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ssh);
        ArgumentNullException.ThrowIfNull(log);
        if (!plan)
        {
            return await ConnectAsync(ssh, plan, log, redactor, cancellationToken);
        }

        try
        {
            return new PlanRemoteHost(ssh.Display, await ConnectAsync(ssh, plan, log, redactor, cancellationToken), log);
        }
        catch (RemoteHostException exception)
        {
            log.Warning("Plan mode: cannot read from {0} ({1}); showing the commands without the server's current state.",
                ssh.Display, exception.Message);
            return new PlanRemoteHost(ssh.Display, null, log);
        }
    }

    private static async Task<IRemoteHost> ConnectAsync(SshSettings ssh, bool plan, ICakeLog log, Redactor redactor, CancellationToken cancellationToken)
    {
        if (ssh.IsLocal)
        {
            return new LoggingRemoteHost(new LocalShellHost(), log, redactor);
        }

        if (ssh.ProxyJump is { } jump)
        {
            log.Verbose("Connecting to {0} through jump host {1}.", ssh.Display, string.Join(", then ", jump.Hops));
        }

        var verifier = new HostKeyVerifier(ssh.KnownHosts, ssh.HostKeyPolicy, mayRecord: !plan, log);
        return new LoggingRemoteHost(await SshRemoteHost.ConnectAsync(ssh, verifier, cancellationToken), log, redactor);
    }
}
