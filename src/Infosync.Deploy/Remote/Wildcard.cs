using System.Text.RegularExpressions;

namespace Infosync.Deploy.Remote;

/// <summary>OpenSSH's patterns: <c>*</c> matches any run of characters, <c>?</c> any one character.</summary>
internal static class Wildcard
{
    public static bool Matches(string pattern, string text, bool ignoreCase)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal)
            .Replace("\\?", ".", StringComparison.Ordinal) + "\\z";
        var options = RegexOptions.CultureInvariant | RegexOptions.Singleline | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        return Regex.IsMatch(text, regex, options, TimeSpan.FromSeconds(1));
    }
}
