using System.Buffers;
using System.Text;

namespace Infosync.Deploy.Compose;

internal sealed class EnvFile
{
    private static readonly SearchValues<char> NeedsQuoting = SearchValues.Create("\"'\\$# \t\r\n");

    // Compose uses the last assignment of a key; only that one is ever read or replaced.
    private readonly Dictionary<string, EnvAssignment> _lastAssignments = new(StringComparer.Ordinal);

    // Each key is resolved once, so values that refer to each other many times cannot blow up.
    private readonly Dictionary<string, string?> _resolved = new(StringComparer.Ordinal);

    private EnvFile(string? text, string fileName)
    {
        Text = text;
        FileName = fileName;
        foreach (var assignment in text is null ? [] : EnvFileParser.Parse(text, fileName))
        {
            _lastAssignments[assignment.Key] = assignment;
        }
    }

    public string? Text { get; }

    public string FileName { get; }

    public static EnvFile Read(string? text, string fileName)
    {
        if (text is not null)
        {
            InputLimits.EnsureSmallEnough(text, fileName);
        }

        return new EnvFile(text, fileName);
    }

    public static string? FirstNewline(string text)
    {
        var index = text.AsSpan().IndexOfAny('\r', '\n');
        return index < 0 ? null
            : text[index] == '\n' ? "\n"
            : index + 1 < text.Length && text[index + 1] == '\n' ? "\r\n"
            : "\r";
    }

    public string? Lookup(string key) => Lookup(key, 0);

    public int? LineOf(string key) => _lastAssignments.GetValueOrDefault(key)?.Line;

    public EnvFile With(IReadOnlyCollection<KeyValuePair<string, string>> values, string fallbackNewline)
    {
        // New values are tags and references that passed Docker's grammar; none needs quoting or escaping.
        foreach (var (_, value) in values)
        {
            if (value.Length == 0 || value.AsSpan().ContainsAny(NeedsQuoting))
            {
                throw new InvalidOperationException($"'{value}' cannot be written into a .env value without escaping.");
            }
        }

        var text = Text ?? string.Empty;
        var result = new StringBuilder(text.Length + 64);
        var copied = 0;
        foreach (var (assignment, value) in values
            .Where(pair => _lastAssignments.ContainsKey(pair.Key))
            .Select(pair => (Assignment: _lastAssignments[pair.Key], pair.Value))
            .OrderBy(replacement => replacement.Assignment.ValueStart))
        {
            result.Append(text, copied, assignment.ValueStart - copied).Append(value);
            copied = assignment.ValueStart + assignment.ValueLength;
        }

        result.Append(text, copied, text.Length - copied);
        var newline = FirstNewline(text) ?? fallbackNewline;
        foreach (var (key, value) in values.Where(pair => !_lastAssignments.ContainsKey(pair.Key)))
        {
            var endsWithNewline = result.Length == 0 || result[^1] is '\n' or '\r';
            result.Append(endsWithNewline ? string.Empty : newline).Append(key).Append('=').Append(value).Append(newline);
        }

        return Read(result.ToString(), FileName);
    }

    private string? Lookup(string key, int depth)
    {
        if (_resolved.TryGetValue(key, out var known))
        {
            return known;
        }

        var value = _lastAssignments.GetValueOrDefault(key) is { } last ? Resolve(last, depth) : null;
        _resolved[key] = value;
        return value;
    }

    private string Resolve(EnvAssignment assignment, int depth)
    {
        var raw = assignment.RawValue(Text!);
        return assignment.Quote switch
        {
            '\'' => raw,
            '"' => Interpolation.Resolve(Unescape(raw), name => Lookup(name, depth + 1), depth),
            _ => Interpolation.Resolve(raw, name => Lookup(name, depth + 1), depth),
        };
    }

    private static string Unescape(string raw) =>
        raw.Contains('\\', StringComparison.Ordinal)
            ? raw.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal)
            : raw;
}
