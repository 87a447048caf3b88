namespace Infosync.Deploy.Compose;

// Split where Docker splits a reference (name, :tag after the last /, @digest), counting only separators
// outside variables: a variable's value is unknown when deciding whether the file or the .env must change.
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

    public string NameText => Text[.._nameEnd];

    public TemplatePart? WholeVariable => _parts is [{ IsVariable: true } only] ? only : null;

    public bool HasLiteralTagAndDigest => !PartsWithin(_nameEnd, Text.Length).Any(part => part.IsVariable);

    public TemplatePart? TagVariable =>
        _digestStart == Text.Length && PartsWithin(_nameEnd + 1, Text.Length).ToList() is [{ IsVariable: true } tag] && tag.Start == _nameEnd + 1
            ? tag
            : null;

    public bool HasDigest => _digestStart < Text.Length;

    public IEnumerable<string> VariableNames => _parts.Where(part => part.IsVariable).Select(part => part.Variable!);

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
