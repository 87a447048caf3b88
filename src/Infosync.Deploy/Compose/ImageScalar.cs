using System.Buffers;
using YamlDotNet.Core;

namespace Infosync.Deploy.Compose;

// Start and Length cover the scalar's text in the original file, quotes included, past any anchor or tag.
internal sealed record ImageScalar(string Value, ScalarStyle Style, int Start, int Length, int Line)
{
    private static readonly SearchValues<char> NeedsEscaping = SearchValues.Create("\"'\\\r\n\t #");

    public string Render(string value)
    {
        // The new value is an image reference whose new parts passed Docker's grammar; none of these
        // characters can be in it, so writing it inside the old quotes needs no escaping.
        if (value.AsSpan().ContainsAny(NeedsEscaping) || value.Length == 0)
        {
            throw new InvalidOperationException($"'{value}' cannot be written into a YAML scalar without escaping.");
        }

        return Style switch
        {
            ScalarStyle.SingleQuoted => $"'{value}'",
            ScalarStyle.DoubleQuoted => $"\"{value}\"",
            ScalarStyle.Plain => value,
            _ => throw new InvalidOperationException($"An image scalar of style {Style} is never edited."),
        };
    }
}
