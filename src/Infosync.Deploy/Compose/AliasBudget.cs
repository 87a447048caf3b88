using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Infosync.Deploy.Compose;

/// <summary>
/// Refuses a file whose aliases would expand to more nodes than any compose file has (a "billion laughs" bomb).
/// The editor never expands aliases itself, but Compose on the server would, and hang; better to stop here.
/// </summary>
internal static class AliasBudget
{
    public const long MaxNodes = 100_000;

    public static void Check(string text, string fileName)
    {
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Size)>();
        open.Push((null, 0));
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                var size = parser.Current switch
                {
                    Scalar scalar => Named(anchors, scalar.Anchor, 1),
                    AnchorAlias alias => anchors.GetValueOrDefault(alias.Value.Value, 1),
                    MappingStart or SequenceStart => Open(open, (NodeEvent)parser.Current),
                    MappingEnd or SequenceEnd => Close(open, anchors),
                    _ => 0,
                };
                var (anchor, total) = open.Pop();
                open.Push((anchor, total + size));
                if (total + size > MaxNodes)
                {
                    throw new ComposeEditException(fileName, (int)parser.Current!.Start.Line,
                        $"its aliases expand to more than {MaxNodes} nodes (a YAML alias bomb?); refusing to deploy it");
                }
            }
        }
        catch (YamlException)
        {
            // Reported by the scanner, with its line.
        }
    }

    private static long Named(Dictionary<string, long> anchors, AnchorName anchor, long size)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = size;
        }

        return size;
    }

    private static long Open(Stack<(string? Anchor, long Size)> open, NodeEvent start)
    {
        open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, 1));
        return 0;
    }

    private static long Close(Stack<(string? Anchor, long Size)> open, Dictionary<string, long> anchors)
    {
        var (anchor, size) = open.Pop();
        if (anchor is not null)
        {
            anchors[anchor] = size;
        }

        return size;
    }
}
