using System.Security.Cryptography;
using System.Text;

namespace Infosync.Deploy.Remote;

/// <summary>
/// OpenSSH's known_hosts format: plain and hashed (<c>|1|salt|hash</c>) host names, <c>[host]:port</c>,
/// wildcards and negations, and <c>@revoked</c> lines. Keys are compared as whole public key blobs.
/// </summary>
public sealed class KnownHosts
{
    private readonly IReadOnlyList<KnownHostEntry> entries;

    private KnownHosts(IReadOnlyList<KnownHostEntry> entries) => this.entries = entries;

    /// <summary>Parses known_hosts text; lines that are not entries are skipped, as OpenSSH does.</summary>
    public static KnownHosts Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = text.Split('\n')
            .Select(KnownHostEntry.TryParse)
            .OfType<KnownHostEntry>()
            .ToList();
        return new KnownHosts(parsed);
    }

    /// <summary>Whether no line is a host key entry.</summary>
    public bool IsEmpty => entries.Count == 0;

    /// <summary>How a host names itself in known_hosts: <c>host</c> on port 22, else <c>[host]:port</c>.</summary>
    public static string HostName(string host, int port) => port == 22 ? host : $"[{host}]:{port}";

    /// <summary>The known_hosts line that trusts <paramref name="keyBlob"/> for the host.</summary>
    public static string Line(string host, int port, byte[] keyBlob) =>
        $"{HostName(host, port)} {KeyType(keyBlob)} {Convert.ToBase64String(keyBlob)}";

    /// <summary>OpenSSH's SHA256 fingerprint of a key: <c>SHA256:</c> and unpadded base64.</summary>
    public static string Fingerprint(byte[] keyBlob) =>
        "SHA256:" + Convert.ToBase64String(SHA256.HashData(keyBlob)).TrimEnd('=');

    /// <summary>The key type named inside a public key blob, e.g. <c>ssh-ed25519</c>.</summary>
    public static string KeyType(byte[] keyBlob)
    {
        ArgumentNullException.ThrowIfNull(keyBlob);
        if (keyBlob.Length < 4)
        {
            return "unknown";
        }

        var length = (keyBlob[0] << 24) | (keyBlob[1] << 16) | (keyBlob[2] << 8) | keyBlob[3];
        return length > 0 && length <= keyBlob.Length - 4 ? Encoding.ASCII.GetString(keyBlob, 4, length) : "unknown";
    }

    /// <summary>The key types known_hosts lists (not revoked) for the host, e.g. <c>ssh-rsa</c>.</summary>
    public IReadOnlySet<string> KeyTypesFor(string host, int port)
    {
        var name = HostName(host, port);
        return entries.Where(e => !e.Revoked && e.Matches(name)).Select(e => KeyType(e.KeyBlob)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>What known_hosts says about <paramref name="keyBlob"/> presented by the host.</summary>
    public HostKeyStatus Check(string host, int port, byte[] keyBlob)
    {
        var name = HostName(host, port);
        var forHost = entries.Where(e => e.Matches(name)).ToList();
        if (forHost.Any(e => e.Revoked && e.KeyBlob.AsSpan().SequenceEqual(keyBlob)))
        {
            return HostKeyStatus.Revoked;
        }

        if (forHost.Any(e => !e.Revoked && e.KeyBlob.AsSpan().SequenceEqual(keyBlob)))
        {
            return HostKeyStatus.Known;
        }

        var type = KeyType(keyBlob);
        return forHost.Any(e => !e.Revoked && KeyType(e.KeyBlob) == type) ? HostKeyStatus.Changed : HostKeyStatus.Unknown;
    }
}
