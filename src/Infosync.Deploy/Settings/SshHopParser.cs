namespace Infosync.Deploy.Settings;

/// <summary>Parses one hop of OpenSSH's ProxyJump, <c>[user@]host[:port]</c>, by the same rules as the other SSH settings.</summary>
internal static class SshHopParser
{
    public static SshHop? TryParse(string text, string defaultUsername)
    {
        // OpenSSH splits the user off at the last '@'.
        var at = text.LastIndexOf('@');
        var username = at < 0 ? defaultUsername : text[..at];
        var rest = at < 0 ? text : text[(at + 1)..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        var host = colon < 0 ? rest : rest[..colon];
        var port = 22;
        if (colon >= 0 && !SettingRules.IsWholeNumber(rest[(colon + 1)..], 1, 65535, out port))
        {
            return null;
        }

        return IsUsername(username) && SettingRules.IsHostName(host) ? new SshHop(username, host, port) : null;
    }

    // A user name for SSH: printable, no white space or ',' (the chain's separator), not an option.
    private static bool IsUsername(string value) =>
        value.Length is > 0 and <= 255 && SettingRules.IsPrintable(value) && !value.StartsWith('-')
        && !value.Any(c => char.IsWhiteSpace(c) || c == ',');
}
