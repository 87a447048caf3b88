using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Infosync.Deploy.Compose;

internal static class ScalarLocator
{
    // The parser read the file without its BOM: shift turns an offset in that text into one in the file.
    public static ImageValue Locate(Scalar scalar, string text, int shift, LineMap lines)
    {
        var end = checked((int)scalar.End.Index);
        var start = SkipProperties(text, checked((int)scalar.Start.Index), end);
        var line = lines.LineOf(start + shift);
        var raw = text[start..end];

        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return ImageValue.Invalid(line, "image is a block scalar (| or >); write it on one line");
        }

        if (raw.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            return ImageValue.Invalid(line, "image spans more than one line; write it on one line");
        }

        if (scalar.Value.Length == 0)
        {
            return ImageValue.Invalid(line, "image is empty");
        }

        var quote = scalar.Style switch
        {
            ScalarStyle.SingleQuoted => '\'',
            ScalarStyle.DoubleQuoted => '"',
            _ => (char?)null,
        };
        var located = quote is { } q
            ? raw.Length >= 2 && raw[0] == q && raw[^1] == q
            : raw == scalar.Value;
        return located
            ? ImageValue.Found(new ImageScalar(scalar.Value, scalar.Style, start + shift, end - start, line))
            : ImageValue.Invalid(line, "image could not be located exactly in the text");
    }

    // A scalar event starts at its anchor or tag when it has one (`image: &img !!str host/p/n:1`);
    // the text to splice starts after them and any whitespace or comment that follows.
    private static int SkipProperties(string text, int position, int end)
    {
        while (position < end && text[position] is '&' or '!')
        {
            while (position < end && !char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            while (position < end && (char.IsWhiteSpace(text[position]) || text[position] == '#'))
            {
                if (text[position] == '#')
                {
                    while (position < end && text[position] is not ('\n' or '\r'))
                    {
                        position++;
                    }
                }
                else
                {
                    position++;
                }
            }
        }

        return position;
    }
}
