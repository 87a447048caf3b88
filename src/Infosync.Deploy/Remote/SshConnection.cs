using System.Net.Sockets;
using System.Text;
using Infosync.Deploy.Settings;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Infosync.Deploy.Remote;

/// <summary>How an SSH connection is set up from the settings, and how its failures read to a person.</summary>
internal static class SshConnection
{
    public static ConnectionInfo Info(SshSettings settings)
    {
        var username = settings.Username ?? throw new InvalidOperationException("SSH needs a user name.");
        var methods = new List<AuthenticationMethod>();
        if (settings.PrivateKey is not null)
        {
            using var key = new MemoryStream(Encoding.UTF8.GetBytes(settings.PrivateKey.Reveal()));
            methods.Add(new PrivateKeyAuthenticationMethod(username, new PrivateKeyFile(key)));
        }

        if (settings.Password is not null)
        {
            methods.Add(new PasswordAuthenticationMethod(username, settings.Password.Reveal()));
        }

        var info = new ConnectionInfo(settings.Host, settings.Port, username, [.. methods])
        {
            Timeout = settings.ConnectTimeout,
        };
        PreferKnownHostKeyTypes(info, KnownHosts.Parse(settings.KnownHosts.Load()).KeyTypesFor(settings.Host, settings.Port));
        return info;
    }

    /// <summary>
    /// Asks the server first for a host key of a type known_hosts already lists, as OpenSSH does; otherwise a server
    /// whose ed25519 key is not pinned but whose RSA key is would be refused as unknown.
    /// </summary>
    private static void PreferKnownHostKeyTypes(ConnectionInfo info, IReadOnlySet<string> knownTypes)
    {
        if (knownTypes.Count == 0)
        {
            return;
        }

        var ordered = info.HostKeyAlgorithms.OrderBy(algorithm => knownTypes.Contains(KeyTypeOf(algorithm.Key)) ? 0 : 1).ToList();

        // Cleared and refilled, a Dictionary enumerates in insertion order, which is the order SSH.NET offers.
        info.HostKeyAlgorithms.Clear();
        foreach (var (name, factory) in ordered)
        {
            info.HostKeyAlgorithms.Add(name, factory);
        }
    }

    private static string KeyTypeOf(string algorithm) =>
        algorithm.StartsWith("rsa-sha2-", StringComparison.Ordinal) ? "ssh-rsa" : algorithm;

    public static RemoteHostException Explain(Exception exception, SshSettings settings, string? hostKeyRejection, bool cancelled)
    {
        var where = $"{settings.Host}:{settings.Port}";
        var message = exception switch
        {
            _ when hostKeyRejection is not null => hostKeyRejection,
            SshAuthenticationException => $"SSH login to {where} as {settings.Username} was refused: wrong password or key.",
            OperationCanceledException when cancelled => $"Connecting to {where} was cancelled.",
            OperationCanceledException or SshOperationTimeoutException or TimeoutException =>
                $"No SSH answer from {where} within {settings.ConnectTimeout.TotalSeconds:0} s.",
            SocketException socket => $"Cannot reach {where}: {socket.Message}.",
            _ => $"SSH connection to {where} failed: {exception.Message}",
        };
        return new RemoteHostException(message, exception);
    }
}
