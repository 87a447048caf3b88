using System.Security.Cryptography;
using System.Text;

namespace Infosync.Deploy.Remote;

/// <summary>
/// OpenSSH's known_hosts format as OpenSSH reads it: host names lowercased before matching and hashing, plain and
/// hashed (<c>|1|salt|hash</c>) names, <c>[host]:port</c>, wildcards and negations, <c>@revoked</c> and
/// <c>@cert-authority</c> lines. Keys are compared as whole public key blobs.
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

    /// <summary>
    /// How a host names itself in known_hosts: lowercase (OpenSSH lowercases the name before it matches or hashes
    /// it), <c>host</c> on port 22, else <c>[host]:port</c>.
    /// </summary>
    public static string HostName(string host, int port)
    {
        ArgumentNullException.ThrowIfNull(host);
#pragma warning disable CA1308 // OpenSSH lowercases host names; uppercase would not match its hashes.
        var name = host.ToLowerInvariant();
#pragma warning restore CA1308
        return port == 22 ? name : $"[{name}]:{port}";
    }

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

    /// <summary>The key types known_hosts pins for the host, e.g. <c>ssh-rsa</c>.</summary>
    public IReadOnlySet<string> KeyTypesFor(string host, int port) =>
        For(host, port, HostMarker.None).Select(e => KeyType(e.KeyBlob)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a <c>@cert-authority</c> line names the host.</summary>
    public bool HasCertificateAuthority(string host, int port) => For(host, port, HostMarker.CertificateAuthority).Any();

    /// <summary>Whether a <c>@cert-authority</c> line trusts <paramref name="authorityKey"/> for the host.</summary>
    public bool TrustsAuthority(string host, int port, byte[] authorityKey) =>
        For(host, port, HostMarker.CertificateAuthority).Any(e => e.HasKey(authorityKey));

    /// <summary>Whether a <c>@revoked</c> line that names the host lists <paramref name="keyBlob"/>.</summary>
    public bool IsRevoked(string host, int port, byte[] keyBlob) => For(host, port, HostMarker.Revoked).Any(e => e.HasKey(keyBlob));

    /// <summary>
    /// What known_hosts says about the plain key <paramref name="keyBlob"/> presented by the host, as OpenSSH
    /// decides it: any pinned key of the host that differs, whatever its type, makes it <see cref="HostKeyStatus.Changed"/>;
    /// on a port other than 22, a host with no line for <c>[host]:port</c> is known if its bare name pins this key.
    /// </summary>
    public HostKeyStatus Check(string host, int port, byte[] keyBlob)
    {
        if (IsRevoked(host, port, keyBlob))
        {
            return HostKeyStatus.Revoked;
        }

        var pinned = For(host, port, HostMarker.None).ToList();
        if (pinned.Any(e => e.HasKey(keyBlob)))
        {
            return HostKeyStatus.Known;
        }

        if (pinned.Count > 0)
        {
            return HostKeyStatus.Changed;
        }

        return port != 22 && For(host, 22, HostMarker.None).Any(e => e.HasKey(keyBlob)) ? HostKeyStatus.Known : HostKeyStatus.Unknown;
    }

    /// <summary>
    /// The lines of one kind that name the host. On a port other than 22, CA and revocation lines for the bare host
    /// name count too, as OpenSSH looks a host up again without its port; a pinned key needs its own port's line.
    /// </summary>
    private IEnumerable<KnownHostEntry> For(string host, int port, HostMarker marker)
    {
        var name = HostName(host, port);
        var bare = marker != HostMarker.None && port != 22 ? HostName(host, 22) : name;
        return entries.Where(e => e.Marker == marker && (e.Matches(name) || e.Matches(bare)));
    }
}
