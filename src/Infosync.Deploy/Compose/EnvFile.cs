using System.Text.RegularExpressions;

namespace Infosync.Deploy.Compose;

/// <summary>
/// A <c>.env</c> file as Compose reads it: <c>KEY=value</c> lines, optional <c>export</c>, quotes and comments.
/// Setting a key rewrites only its value's characters, on the last line that assigns it (the one Compose uses).
/// </summary>
internal static partial class EnvFile
{
    /// <summary>The values the file assigns; later lines win.</summary>
    public static Dictionary<string, string> Parse(string? text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in Assignments(text ?? string.Empty))
        {
            values[assignment.Key] = assignment.Value;
        }

        return values;
    }

    /// <summary>The text with <paramref name="key"/> set to <paramref name="value"/> (a tag or image reference).</summary>
    public static string Set(string? text, string key, string value)
    {
        var current = text ?? string.Empty;
        var last = Assignments(current).LastOrDefault(a => a.Key == key);
        if (last is not null)
        {
            return string.Concat(current.AsSpan(0, last.ValueStart), value, current.AsSpan(last.ValueEnd));
        }

        var newline = current.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var separator = current.Length == 0 || current.EndsWith('\n') ? string.Empty : newline;
        return $"{current}{separator}{key}={value}{newline}";
    }

    private static IEnumerable<EnvAssignment> Assignments(string text)
    {
        foreach (Match line in Line().Matches(text))
        {
            var value = line.Groups["value"];
            var raw = value.Value;
            var quote = raw.Length > 0 && raw[0] is '"' or '\'' ? raw[0] : '\0';
            var closing = quote == '\0' ? -1 : raw.IndexOf(quote, 1);
            if (quote != '\0' && closing > 0)
            {
                yield return new EnvAssignment(line.Groups["key"].Value, raw[1..closing], value.Index + 1, value.Index + closing);
                continue;
            }

            var comment = raw.IndexOf(" #", StringComparison.Ordinal);
            var unquoted = (comment < 0 ? raw : raw[..comment]).TrimEnd(' ', '\t', '\r');
            yield return new EnvAssignment(line.Groups["key"].Value, unquoted, value.Index, value.Index + unquoted.Length);
        }
    }

    [GeneratedRegex(@"^[ \t]*(?:export[ \t]+)?(?<key>[A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*(?<value>[^\n]*)", RegexOptions.Multiline)]
    private static partial Regex Line();

    private sealed record EnvAssignment(string Key, string Value, int ValueStart, int ValueEnd);
}
