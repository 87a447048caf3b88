using System.Net.Sockets;
using Infosync.Deploy.Settings;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Infosync.Deploy.Remote;

/// <summary>
/// Opens one authenticated SSH connection to one hop (a jump host or the target), dialled directly or through the
/// entrance of a <see cref="JumpRoute"/>, with its key verified under the hop's own name; and says why one failed.
/// </summary>
internal static class SshConnection
{
    public static async Task<SshClient> OpenAsync(
        SshSettings settings, SshHop hop, SshLogin login, JumpRoute? via, HostKeyVerifier verifier, CancellationToken cancellationToken)
    {
        var (dialHost, dialPort) = via?.Entrance ?? (hop.Host, hop.Port);
        var client = new SshClient(Info(settings, hop, login, dialHost, dialPort));
        client.HostKeyReceived += (_, e) =>
            e.CanTrust = verifier.Verify(hop.Host, hop.Port, e.HostKey, HostCertificate.From(e.Certificate));
        var answered = false;
        client.ServerIdentificationReceived += (_, _) => answered = true;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.ConnectTimeout);
        try
        {
            await client.ConnectAsync(timeout.Token);
            return client;
        }
        catch (Exception exception) when (exception is SshException or SocketException or OperationCanceledException or TimeoutException)
        {
            client.Dispose();
            var unreachable = via is not null && !answered && exception is SshConnectionException;
            throw Explain(exception, settings, hop, via, verifier.Rejection, cancellationToken.IsCancellationRequested, unreachable);
        }
    }

    private static ConnectionInfo Info(SshSettings settings, SshHop hop, SshLogin login, string dialHost, int dialPort)
    {
        var methods = new List<AuthenticationMethod>();
        if (login.PrivateKey is not null)
        {
            methods.Add(new PrivateKeyAuthenticationMethod(hop.Username, PrivateKeySetting.Load(login.PrivateKey, settings.PrivateKeyPassphrase)));
        }

        if (login.Password is not null)
        {
            methods.Add(new PasswordAuthenticationMethod(hop.Username, login.Password.Reveal()));
        }

        var info = new ConnectionInfo(dialHost, dialPort, hop.Username, [.. methods]) { Timeout = settings.ConnectTimeout };
        var known = KnownHosts.Parse(settings.KnownHosts.Load());
        PreferKnownHostKeyTypes(info, known.KeyTypesFor(hop.Host, hop.Port), known.HasCertificateAuthority(hop.Host, hop.Port));
        return info;
    }

    /// <summary>
    /// Asks the server first for what known_hosts can vouch for, as OpenSSH does: the key types it pins, then host
    /// certificates when a <c>@cert-authority</c> line names the host; otherwise a server whose ed25519 key is not pinned
    /// but whose RSA key is would be refused. A pinned key goes before a certificate because SSH.NET refuses an
    /// expired certificate outright, where OpenSSH would fall back to the pinned key.
    /// </summary>
    private static void PreferKnownHostKeyTypes(ConnectionInfo info, IReadOnlySet<string> knownTypes, bool certificateAuthority)
    {
        if (knownTypes.Count == 0 && !certificateAuthority)
        {
            return;
        }

        var ordered = info.HostKeyAlgorithms.OrderBy(algorithm => Rank(algorithm.Key)).ToList();

        // Cleared and refilled, a Dictionary enumerates in insertion order, which is the order SSH.NET offers.
        info.HostKeyAlgorithms.Clear();
        foreach (var (name, factory) in ordered)
        {
            info.HostKeyAlgorithms.Add(name, factory);
        }

        int Rank(string algorithm) => algorithm.EndsWith("-cert-v01@openssh.com", StringComparison.Ordinal)
            ? certificateAuthority ? 1 : 2
            : knownTypes.Contains(KeyTypeOf(algorithm)) ? 0 : 2;
    }

    private static string KeyTypeOf(string algorithm) =>
        algorithm.StartsWith("rsa-sha2-", StringComparison.Ordinal) ? "ssh-rsa" : algorithm;

    /// <remarks>
    /// A jump host that cannot open its channel onward (no such host, nothing listening, forwarding refused) closes
    /// it before the next hop says a word; SSH.NET keeps the jump host's reason to itself, its log has it.
    /// </remarks>
    private static RemoteHostException Explain(
        Exception exception, SshSettings settings, SshHop hop, JumpRoute? via, string? hostKeyRejection, bool cancelled, bool unreachable)
    {
        var where = via is null ? $"{hop.Host}:{hop.Port}" : $"{hop.Host}:{hop.Port} through jump host {via.Last.Display}";
        var message = exception switch
        {
            _ when hostKeyRejection is not null => hostKeyRejection,
            SshAuthenticationException => $"SSH login to {hop.Host}:{hop.Port} as {hop.Username} was refused: wrong password or key.",
            OperationCanceledException when cancelled => $"Connecting to {where} was cancelled.",
            _ when via?.Failure is { } failure => $"Cannot reach {where}: {failure}",
            _ when unreachable => $"Cannot reach {where}: the jump host opened no connection there " +
                "(no such host, nothing listening, or forwarding refused; the jump host's sshd log says which).",
            OperationCanceledException or SshOperationTimeoutException or TimeoutException =>
                $"No SSH answer from {where} within {settings.ConnectTimeout.TotalSeconds:0} s.",
            SocketException socket => $"Cannot reach {where}: {socket.Message}.",
            SshConnectionException { DisconnectReason: Renci.SshNet.Messages.Transport.DisconnectReason.KeyExchangeFailed } =>
                $"SSH connection to {where} failed: the server's proof of its host key did not verify " +
                "(a host certificate that is expired, not yet valid or badly signed reads the same).",
            _ => $"SSH connection to {where} failed: {exception.Message}",
        };
        return new RemoteHostException(message, exception);
    }
}

