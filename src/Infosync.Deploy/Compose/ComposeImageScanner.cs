using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Infosync.Deploy.Compose;

/// <summary>
/// Finds each <c>services.NAME.image</c> value with YamlDotNet's event parser. Events carry the exact character
/// span of every scalar; aliases stay unexpanded events, so an alias bomb costs nothing.
/// </summary>
internal static class ComposeImageScanner
{
    /// <summary>Scans <paramref name="text"/> (without its byte order mark) for image values.</summary>
    public static IReadOnlyList<ImageScalar> Scan(string text, string fileName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ComposeEditException(fileName, 1, "is empty");
        }

        try
        {
            var events = new EventCursor(new Parser(new StringReader(text)));
            events.Expect<StreamStart>();
            events.Expect<DocumentStart>();
            if (events.Next() is not MappingStart root)
            {
                throw new ComposeEditException(fileName, events.Line, "the top level is not a mapping, so it is not a compose file");
            }

            return ScanRoot(events, fileName, root);
        }
        catch (YamlException exception)
        {
            var reason = exception.Message.Split('\n')[0].Trim();
            throw new ComposeEditException(fileName, (int)exception.Start.Line, $"is not valid YAML ({reason})");
        }
    }

    private static List<ImageScalar> ScanRoot(EventCursor events, string fileName, MappingStart root)
    {
        while (events.Next() is not MappingEnd)
        {
            var key = events.Current;
            var value = events.Next();
            if (key is Scalar { Value: "services" })
            {
                return value is MappingStart
                    ? ScanServices(events)
                    : throw new ComposeEditException(fileName, (int)value.Start.Line, "'services' is not a mapping of service names");
            }

            events.Skip(value);
        }

        throw new ComposeEditException(fileName, (int)root.Start.Line, "has no 'services' section");
    }

    private static List<ImageScalar> ScanServices(EventCursor events)
    {
        var images = new List<ImageScalar>();
        while (events.Next() is not MappingEnd)
        {
            var name = events.Current as Scalar;
            var service = events.Next();
            if (name is null || service is not MappingStart)
            {
                events.Skip(service);
                continue;
            }

            while (events.Next() is not MappingEnd)
            {
                var key = events.Current;
                var value = events.Next();
                if (key is Scalar { Value: "image" })
                {
                    images.Add(ToImage(name.Value, value));
                }

                events.Skip(value);
            }
        }

        return images;
    }

    private static ImageScalar ToImage(string service, ParsingEvent value)
    {
        var line = (int)value.Start.Line;
        if (value is Scalar { Style: ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } scalar)
        {
            return new ImageScalar(service, scalar.Value, scalar.Style, (int)scalar.Start.Index, (int)scalar.End.Index, line, null);
        }

        var what = value switch
        {
            AnchorAlias => "an alias",
            Scalar => "a block scalar",
            MappingStart => "a mapping",
            SequenceStart => "a sequence",
            _ => "not a scalar",
        };
        return new ImageScalar(service, string.Empty, ScalarStyle.Any, 0, 0, line,
            $"the image of service '{service}' is {what}, not a plain or quoted value");
    }
}
