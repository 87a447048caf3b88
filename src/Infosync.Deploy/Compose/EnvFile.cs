using System.Buffers;

namespace Infosync.Deploy.Compose;

/// <summary>A <c>.env</c> file's text and assignments; edits replace one value's span and keep every other byte.</summary>
internal sealed class EnvFile
{
    private static readonly SearchValues<char> NeedsQuoting = SearchValues.Create("\"'\\$# \t\r\n");
    private readonly List<EnvAssignment> _assignments;

    // Each key is resolved once, so values that refer to each other many times cannot blow up.
    private readonly Dictionary<string, string?> _resolved = new(StringComparer.Ordinal);

    private EnvFile(string? text, string fileName)
    {
        Text = text;
        FileName = fileName;
        _assignments = text is null ? [] : EnvFileParser.Parse(text);
    }

    /// <summary>The file's text, or null when there is no file.</summary>
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

    /// <summary>The value compose sees for <paramref name="key"/>: the last assignment's, or null when unset.</summary>
    public string? Lookup(string key) => Lookup(key, 0);

    public int? LineOf(string key) => _assignments.FindLast(assignment => assignment.Key == key)?.Line;

    /// <summary>The file's text with <paramref name="key"/> set to <paramref name="value"/>, and the line it is on.</summary>
    public (string Text, int Line) WithValue(string key, string value, string fallbackNewline)
    {
        if (value.Length == 0 || value.AsSpan().ContainsAny(NeedsQuoting))
        {
            throw new InvalidOperationException($"'{value}' cannot be written into a .env value without escaping.");
        }

        var text = Text ?? string.Empty;
        if (_assignments.FindLast(assignment => assignment.Key == key) is { } last)
        {
            return (string.Concat(text.AsSpan(0, last.ValueStart), value, text.AsSpan(last.ValueStart + last.ValueLength)), last.Line);
        }

        var newline = FirstNewline(text) ?? fallbackNewline;
        var separator = text.Length == 0 || text.EndsWith('\n') || text.EndsWith('\r') ? string.Empty : newline;
        var appended = text + separator + $"{key}={value}" + newline;
        return (appended, new LineMap(appended).LineCount - 1);
    }

    public static string? FirstNewline(string text)
    {
        var index = text.AsSpan().IndexOfAny('\r', '\n');
        return index < 0 ? null
            : text[index] == '\n' ? "\n"
            : index + 1 < text.Length && text[index + 1] == '\n' ? "\r\n"
            : "\r";
    }

    private string? Lookup(string key, int depth)
    {
        if (_resolved.TryGetValue(key, out var known))
        {
            return known;
        }

        if (_assignments.FindLast(assignment => assignment.Key == key) is not { } last)
        {
            return null;
        }

        var raw = last.RawValue(Text!);
        var value = last.Quote switch
        {
            '\'' => raw,
            '"' => Interpolation.Resolve(Unescape(raw), name => Lookup(name, depth + 1), depth),
            _ => Interpolation.Resolve(raw, name => Lookup(name, depth + 1), depth),
        };
        _resolved[key] = value;
        return value;
    }

    private static string Unescape(string raw) =>
        raw.Contains('\\', StringComparison.Ordinal)
            ? raw.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal)
            : raw;
}
