using System.Text.RegularExpressions;

namespace Infosync.Deploy.Commands;

/// <summary>
/// The one place where values are quoted for a POSIX shell (the remote <c>sh -c</c> of an SSH exec channel).
/// </summary>
public static partial class ShellQuoting
{
    /// <summary>
    /// <paramref name="value"/> as one shell word: left bare when it holds only characters no shell treats
    /// specially, else wrapped in single quotes, inside which nothing is special; a single quote is closed,
    /// escaped and reopened. NUL cannot be passed through a shell at all, so it is refused.
    /// </summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A shell argument cannot contain a NUL character.", nameof(value));
        }

        if (value.Length > 0 && SafeWord().IsMatch(value))
        {
            return value;
        }

        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    [GeneratedRegex(@"^[A-Za-z0-9_@%+=:,./-]+\z")]
    private static partial Regex SafeWord();
}
