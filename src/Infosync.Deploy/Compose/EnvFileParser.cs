namespace Infosync.Deploy.Compose;

// Lines it does not understand are skipped rather than refused: they are never edited, only kept.
internal static class EnvFileParser
{
    public static List<EnvAssignment> Parse(string text, string fileName)
    {
        var lines = new LineMap(text);
        var assignments = new List<EnvAssignment>();
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        while (position < text.Length)
        {
            var lineStart = position;
            position = SkipBlanks(text, position);
            if (position + 7 <= text.Length && text.AsSpan(position, 6) is "export" && text[position + 6] is ' ' or '\t')
            {
                position = SkipBlanks(text, position + 6);
            }

            var keyStart = position;
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '_' or '.' or '-'))
            {
                position++;
            }

            var key = text[keyStart..position];
            position = SkipBlanks(text, position);
            if (key.Length > 0 && !char.IsAsciiDigit(key[0]) && position < text.Length && text[position] == '=')
            {
                var (assignment, valueEnd) = ReadValue(text, key, position + 1, lines.LineOf(lineStart), fileName);
                assignments.Add(assignment);
                position = valueEnd;
            }

            position = NextLine(text, position);
        }

        return assignments;
    }

    private static (EnvAssignment Assignment, int End) ReadValue(string text, string key, int afterEquals, int line, string fileName)
    {
        var start = SkipBlanks(text, afterEquals);
        var quote = start < text.Length ? text[start] : EnvAssignment.Unquoted;
        if (quote is '"' or '\'')
        {
            var close = start + 1;
            while (close < text.Length && text[close] != quote)
            {
                close += quote == '"' && text[close] == '\\' ? 2 : 1;
            }

            // Compose refuses an unterminated quote too; going on would also mean rescanning to the end for every later quote.
            return close < text.Length
                ? (new EnvAssignment(key, start + 1, close - start - 1, quote, line), close + 1)
                : throw new ComposeEditException(fileName, line, $"the value of {key} has no closing {quote}");
        }

        var end = start;
        while (end < text.Length && text[end] is not ('\n' or '\r') && !(text[end] == '#' && end > afterEquals && text[end - 1] is ' ' or '\t'))
        {
            end++;
        }

        while (end > start && text[end - 1] is ' ' or '\t')
        {
            end--;
        }

        // An empty value is replaced right after '=', so a following " # comment" stays a comment.
        var assignment = end == start
            ? new EnvAssignment(key, afterEquals, 0, EnvAssignment.Unquoted, line)
            : new EnvAssignment(key, start, end - start, EnvAssignment.Unquoted, line);
        return (assignment, end);
    }

    private static int SkipBlanks(string text, int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t')
        {
            position++;
        }

        return position;
    }

    private static int NextLine(string text, int position)
    {
        var newline = text.AsSpan(position).IndexOfAny('\n', '\r');
        if (newline < 0)
        {
            return text.Length;
        }

        var end = position + newline;
        return text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
    }
}

// The value span excludes the quotes, so a replacement keeps the quoting style.
internal sealed record EnvAssignment(string Key, int ValueStart, int ValueLength, char Quote, int Line)
{
    public const char Unquoted = '\0';

    public string RawValue(string text) => text.Substring(ValueStart, ValueLength);
}
