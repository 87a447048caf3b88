using System.Text;

namespace Infosync.Deploy.Compose;

internal static class Interpolation
{
    private static readonly string[] Operators = [":-", ":+", ":?", "-", "+", "?"];

    public static List<TemplatePart> Split(string text)
    {
        var parts = new List<TemplatePart>();
        var literalStart = 0;
        var index = 0;
        while (index < text.Length)
        {
            var next = index + 1 < text.Length ? text[index + 1] : '\0';
            if (text[index] != '$' || !(next is '$' or '{' || IsNameStart(next)))
            {
                index++;
                continue;
            }

            if (index > literalStart)
            {
                parts.Add(TemplatePart.Literal(literalStart, index - literalStart));
            }

            var part = next switch
            {
                '$' => TemplatePart.Literal(index, 2),
                '{' => Braced(text, index),
                _ => new TemplatePart(index, 1 + NameLength(text, index + 1), text.Substring(index + 1, NameLength(text, index + 1))),
            };
            parts.Add(part);
            index = literalStart = part.End;
        }

        if (index > literalStart)
        {
            parts.Add(TemplatePart.Literal(literalStart, index - literalStart));
        }

        return parts;
    }

    public static string Resolve(string text, Func<string, string?> lookup, int depth = 0)
    {
        if (depth > InputLimits.MaxInterpolationDepth)
        {
            throw new FormatException($"variables nest more than {InputLimits.MaxInterpolationDepth} levels deep");
        }

        var resolved = new StringBuilder();
        foreach (var part in Split(text))
        {
            var literal = part.IsVariable ? null : text.Substring(part.Start, part.Length);
            resolved.Append(literal switch
            {
                "$$" => "$",
                null => ResolveVariable(part, lookup(part.Variable!), lookup, depth),
                _ => literal,
            });

            // Values that repeat other variables grow exponentially; stop long before that costs anything.
            if (resolved.Length > InputLimits.MaxFileBytes)
            {
                throw new FormatException($"a value grows beyond {InputLimits.MaxFileMebibytes} MiB once its variables are resolved");
            }
        }

        return resolved.ToString();
    }

    private static string ResolveVariable(TemplatePart part, string? value, Func<string, string?> lookup, int depth) => part.Operator switch
    {
        ":-" => string.IsNullOrEmpty(value) ? Resolve(part.Operand, lookup, depth + 1) : value,
        "-" => value ?? Resolve(part.Operand, lookup, depth + 1),
        ":+" => string.IsNullOrEmpty(value) ? string.Empty : Resolve(part.Operand, lookup, depth + 1),
        "+" => value is null ? string.Empty : Resolve(part.Operand, lookup, depth + 1),
        ":?" when string.IsNullOrEmpty(value) => throw new FormatException($"variable {part.Variable} is required: {part.Operand}"),
        "?" when value is null => throw new FormatException($"variable {part.Variable} is required: {part.Operand}"),
        _ => value ?? string.Empty,
    };

    private static TemplatePart Braced(string text, int dollar)
    {
        var depth = 0;
        for (var index = dollar + 1; index < text.Length; index++)
        {
            depth += text[index] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                var nameLength = NameLength(text, dollar + 2);
                var rest = text[(dollar + 2 + nameLength)..index];
                var op = rest.Length == 0 ? string.Empty : Operators.FirstOrDefault(candidate => rest.StartsWith(candidate, StringComparison.Ordinal));
                return nameLength == 0 || op is null
                    ? throw new FormatException($"invalid variable {text[dollar..(index + 1)]}")
                    : new TemplatePart(dollar, index + 1 - dollar, text.Substring(dollar + 2, nameLength), op, rest[op.Length..]);
            }
        }

        throw new FormatException("a ${ has no closing }");
    }

    private static int NameLength(string text, int start)
    {
        if (start >= text.Length || !IsNameStart(text[start]))
        {
            return 0;
        }

        var end = start + 1;
        while (end < text.Length && (IsNameStart(text[end]) || char.IsAsciiDigit(text[end])))
        {
            end++;
        }

        return end - start;
    }

    private static bool IsNameStart(char character) => char.IsAsciiLetter(character) || character == '_';
}

// Literal text (an escaped $$ included) has no Variable; ${NAME:-default} has Operator ":-" and Operand "default".
internal sealed record TemplatePart(int Start, int Length, string? Variable, string Operator = "", string Operand = "")
{
    public bool IsVariable => Variable is not null;

    public int End => Start + Length;

    public static TemplatePart Literal(int start, int length) => new(start, length, null);
}
