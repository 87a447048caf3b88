using System.Security.Cryptography;
using System.Text;

namespace Infosync.Deploy.Remote;

/// <summary>One known_hosts line: its marker, host patterns and key.</summary>
internal sealed record KnownHostEntry(HostMarker Marker, IReadOnlyList<string> Patterns, byte[] KeyBlob)
{
    public bool Pins => Marker == HostMarker.None;

    public static KnownHostEntry? TryParse(string line)
    {
        var fields = line.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0 || fields[0].StartsWith('#'))
        {
            return null;
        }

        var marker = fields[0] switch
        {
            "@revoked" => HostMarker.Revoked,
            "@cert-authority" => HostMarker.CertificateAuthority,
            _ when fields[0].StartsWith('@') => (HostMarker?)null, // OpenSSH skips a line with a marker it does not know.
            _ => HostMarker.None,
        };
        var rest = marker switch
        {
            null => [],
            HostMarker.None => fields,
            _ => fields[1..],
        };
        if (marker is null || rest.Length < 3)
        {
            return null;
        }

        try
        {
            return new KnownHostEntry(marker.Value, rest[0].Split(','), Convert.FromBase64String(rest[2]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="hostName"/> (lowercase, already <c>[host]:port</c> when needed) is named here.</summary>
    public bool Matches(string hostName)
    {
        var negated = Patterns.Where(p => p.StartsWith('!')).Any(p => PatternMatches(p[1..], hostName));
        return !negated && Patterns.Where(p => !p.StartsWith('!')).Any(p => PatternMatches(p, hostName));
    }

    public bool HasKey(byte[] keyBlob) => KeyBlob.AsSpan().SequenceEqual(keyBlob);

    private static bool PatternMatches(string pattern, string hostName)
    {
        if (pattern.StartsWith("|1|", StringComparison.Ordinal))
        {
            var parts = pattern.Split('|');
            if (parts.Length != 4)
            {
                return false;
            }

            try
            {
#pragma warning disable CA5350 // OpenSSH defines hashed host names with HMAC-SHA1; matching them needs the same.
                var hash = HMACSHA1.HashData(Convert.FromBase64String(parts[2]), Encoding.ASCII.GetBytes(hostName));
#pragma warning restore CA5350
                return Convert.ToBase64String(hash) == parts[3];
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return Wildcard.Matches(pattern, hostName, ignoreCase: true);
    }
}

/// <summary>The marker that may open a known_hosts line.</summary>
internal enum HostMarker
{
    /// <summary>No marker: the line pins a host key.</summary>
    None,

    /// <summary><c>@revoked</c>: the key must never be trusted.</summary>
    Revoked,

    /// <summary><c>@cert-authority</c>: the key is a CA whose host certificates are trusted for the hosts named.</summary>
    CertificateAuthority,
}
