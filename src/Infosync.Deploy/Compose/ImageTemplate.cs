namespace Infosync.Deploy.Compose;

/// <summary>
/// An image value as written, possibly with variables, split where Docker splits a reference:
/// name, then <c>:tag</c> after the last <c>/</c>, then <c>@digest</c>. Separators inside variables do not count.
/// </summary>
internal sealed class ImageTemplate
{
    private readonly List<TemplatePart> _parts;
    private readonly int _nameEnd;
    private readonly int _digestStart;

    private ImageTemplate(string text, List<TemplatePart> parts)
    {
        Text = text;
        _parts = parts;
        _digestStart = FindLiteral(text, '@', 0, text.Length, last: false) is var at and >= 0 ? at : text.Length;
        var lastSlash = FindLiteral(text, '/', 0, _digestStart, last: true);
        var colon = FindLiteral(text, ':', lastSlash + 1, _digestStart, last: true);
        _nameEnd = colon >= 0 ? colon : _digestStart;
    }

    public string Text { get; }

    /// <summary>The repository part, before any <c>:tag</c> and <c>@digest</c>.</summary>
    public string NameText => Text[.._nameEnd];

    /// <summary>The variable that makes up the whole value, such as <c>${APP_IMAGE}</c>, or null.</summary>
    public TemplatePart? WholeVariable => _parts is [{ IsVariable: true } only] ? only : null;

    /// <summary>True when the tag and digest are plain text (or absent), so the compose file itself can be edited.</summary>
    public bool HasLiteralTagAndDigest => !PartsWithin(_nameEnd, Text.Length).Any(part => part.IsVariable);

    /// <summary>The variable that is the whole tag, as in <c>host/p/n:${TAG}</c> without a digest, or null.</summary>
    public TemplatePart? TagVariable =>
        _digestStart == Text.Length && PartsWithin(_nameEnd + 1, Text.Length).ToList() is [{ IsVariable: true } tag] && tag.Start == _nameEnd + 1
            ? tag
            : null;

    public bool HasDigest => _digestStart < Text.Length;

    public IEnumerable<string> VariableNames => _parts.Where(part => part.IsVariable).Select(part => part.Variable!);

    /// <summary>Parses a value; throws <see cref="FormatException"/> when its variables are malformed.</summary>
    public static ImageTemplate Parse(string text) => new(text, Interpolation.Split(text));

    private IEnumerable<TemplatePart> PartsWithin(int start, int end) =>
        _parts.Where(part => part.End > start && part.Start < end);

    private int FindLiteral(string text, char separator, int start, int end, bool last)
    {
        var found = -1;
        foreach (var part in _parts.Where(part => !part.IsVariable))
        {
            for (var index = Math.Max(part.Start, start); index < Math.Min(part.End, end); index++)
            {
                if (text[index] == separator)
                {
                    if (!last)
                    {
                        return index;
                    }

                    found = index;
                }
            }
        }

        return found;
    }
}
