using Infosync.Deploy.Settings;
using Renci.SshNet;

namespace Infosync.Deploy.Remote;

/// <summary>
/// The way to a target through jump hosts, as OpenSSH's ProxyJump goes: one SSH connection to the first jump host,
/// and through a <c>direct-tcpip</c> channel of each connection the next hop's connection, up to the target. SSH.NET
/// offers such a channel only as a forwarded port, so each one listens on 127.0.0.1, on a port the system picks, for
/// as long as the route lives; every hop's host key is still verified under the hop's own name.
/// </summary>
internal sealed class JumpRoute : IDisposable
{
    private readonly List<(SshClient Client, ForwardedPortLocal Forward)> legs = [];

    private JumpRoute(SshHop last) => Last = last;

    /// <summary>The jump host whose channel leads to the next hop.</summary>
    public SshHop Last { get; private set; }

    /// <summary>Where the next hop's connection is dialled: the last jump host's forwarded port.</summary>
    public (string Host, int Port) Entrance => ("127.0.0.1", (int)legs[^1].Forward.BoundPort);

    /// <summary>Why the last jump host could not open its channel onward, or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>Connects every jump host of <paramref name="settings"/>, each through the one before it.</summary>
    public static async Task<JumpRoute> OpenAsync(SshSettings settings, HostKeyVerifier verifier, CancellationToken cancellationToken)
    {
        var hops = settings.ProxyJump?.Hops ?? throw new InvalidOperationException("No jump hosts are set.");
        var route = new JumpRoute(hops[0]);
        try
        {
            for (var i = 0; i < hops.Count; i++)
            {
                var next = i + 1 < hops.Count ? hops[i + 1] : settings.Target;
                var client = await SshConnection.OpenAsync(
                    settings, hops[i], SshLogin.Jump(settings), i == 0 ? null : route, verifier, cancellationToken);
                var forward = new ForwardedPortLocal("127.0.0.1", 0, next.Host, (uint)next.Port);
                route.legs.Add((client, forward));
                (route.Last, route.Failure) = (hops[i], null);
                forward.Exception += (_, e) => route.Failure = e.Exception.Message;
                client.AddForwardedPort(forward);
                forward.Start();
            }

            return route;
        }
        catch
        {
            route.Dispose();
            throw;
        }
    }

    /// <summary>Closes the forwarded ports and connections, the last hop's first.</summary>
    public void Dispose()
    {
        for (var i = legs.Count - 1; i >= 0; i--)
        {
            legs[i].Forward.Dispose();
            legs[i].Client.Dispose();
        }

        legs.Clear();
    }
}
