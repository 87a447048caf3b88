using System.Globalization;
using System.Text;
using Renci.SshNet.Security;

namespace Infosync.Deploy.Remote;

/// <summary>
/// What decides whether an OpenSSH host certificate may stand for a host: its type, principals, validity, critical
/// options and the CA that signed it. SSH.NET has already checked the CA's signature and the server's proof of the key.
/// </summary>
public sealed record HostCertificate(
    bool IsHostCertificate,
    IReadOnlyList<string> Principals,
    ulong ValidAfter,
    ulong ValidBefore,
    IReadOnlyCollection<string> CriticalOptions,
    byte[] AuthorityKey,
    string SignatureAlgorithm)
{
    /// <summary>The certificate SSH.NET received, or null when the server presented a plain key.</summary>
    public static HostCertificate? From(Certificate? certificate) => certificate is null ? null : new(
        certificate.Type == Certificate.CertificateType.Host,
        [.. certificate.ValidPrincipals],
        certificate.ValidAfterUnixSeconds,
        certificate.ValidBeforeUnixSeconds,
        [.. certificate.CriticalOptions.Keys],
        certificate.CertificateAuthorityKey,
        KnownHosts.KeyType(certificate.Signature));

    /// <summary>
    /// Why this certificate does not vouch for <paramref name="host"/> at <paramref name="now"/>, as OpenSSH's checks
    /// put it, or null when it does. Text from the certificate is shown with control characters escaped.
    /// </summary>
    public string? Problem(string host, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(host);
#pragma warning disable CA1308 // OpenSSH compares the lowercased host name with the principals.
        var name = host.ToLowerInvariant();
#pragma warning restore CA1308
        var seconds = (ulong)Math.Max(0, now.ToUnixTimeSeconds());
        return this switch
        {
            { IsHostCertificate: false } => "it is a user certificate, not a host certificate",
            _ when seconds < ValidAfter => $"it is not valid before {Time(ValidAfter)}",
            _ when seconds >= ValidBefore => $"it expired at {Time(ValidBefore)}",
            _ when Principals.Count > 0 && !Principals.Any(p => Wildcard.Matches(p, name, ignoreCase: false)) =>
                $"'{name}' is not among its principals ({Printable(string.Join(", ", Principals))})",
            _ when CriticalOptions.Count > 0 => $"it has critical options this tool does not know ({Printable(string.Join(", ", CriticalOptions))})",
            _ when SignatureAlgorithm is "ssh-rsa" or "ssh-dss" =>
                $"its CA signed it with {SignatureAlgorithm} (SHA-1), which OpenSSH no longer accepts from a CA",
            _ => null,
        };
    }

    private static string Time(ulong unixSeconds) => unixSeconds >= 253_402_300_800UL
        ? "the end of time"
        : DateTimeOffset.FromUnixTimeSeconds((long)unixSeconds).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Printable(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Length > 200 ? text[..200] + "..." : text)
        {
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.ToString();
    }
}
