using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Infosync.Deploy.Remote;

/// <summary>One known_hosts line: host patterns, the key, and whether it is revoked.</summary>
internal sealed record KnownHostEntry(IReadOnlyList<string> Patterns, byte[] KeyBlob, bool Revoked)
{
    public static KnownHostEntry? TryParse(string line)
    {
        var fields = line.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0 || fields[0].StartsWith('#'))
        {
            return null;
        }

        var revoked = fields[0] == "@revoked";
        if (fields[0].StartsWith('@') && !revoked)
        {
            return null; // @cert-authority lines trust CAs; host certificates are not used here.
        }

        var rest = revoked ? fields[1..] : fields;
        if (rest.Length < 3)
        {
            return null;
        }

        try
        {
            return new KnownHostEntry(rest[0].Split(','), Convert.FromBase64String(rest[2]), revoked);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="hostName"/> (already <c>[host]:port</c> when needed) is named here.</summary>
    public bool Matches(string hostName)
    {
        var negated = Patterns.Where(p => p.StartsWith('!')).Any(p => PatternMatches(p[1..], hostName));
        return !negated && Patterns.Where(p => !p.StartsWith('!')).Any(p => PatternMatches(p, hostName));
    }

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

        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal)
            .Replace("\\?", ".", StringComparison.Ordinal) + "\\z";
        return Regex.IsMatch(hostName, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
