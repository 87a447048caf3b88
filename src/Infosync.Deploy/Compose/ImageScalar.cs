using System.Buffers;
using YamlDotNet.Core;

namespace Infosync.Deploy.Compose;

/// <summary>An image scalar and where its text sits, quotes included, in the original file text.</summary>
/// <param name="Value">The scalar's value, as YAML reads it.</param>
/// <param name="Style">Plain, single-quoted or double-quoted.</param>
/// <param name="Start">Offset of the scalar's first character (a quote for quoted styles).</param>
/// <param name="Length">Length of the scalar's text, quotes included.</param>
/// <param name="Line">The 1-based line the scalar is on.</param>
internal sealed record ImageScalar(string Value, ScalarStyle Style, int Start, int Length, int Line)
{
    private static readonly SearchValues<char> NeedsEscaping = SearchValues.Create("\"'\\\r\n\t #");

    /// <summary>The text that replaces this scalar to give it <paramref name="value"/>, in the same quoting style.</summary>
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
