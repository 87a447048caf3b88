using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Infosync.Deploy.Compose;

/// <summary>
/// Counts, event by event, how many nodes the file's aliases would expand to, to refuse a "billion laughs" bomb.
/// The editor never expands aliases itself, but Compose on the server would, and hang; better to stop here.
/// </summary>
internal sealed class AliasBudget
{
    public const long MaxNodes = 100_000;

    public static string Refusal { get; } = $"its aliases expand to more than {MaxNodes} nodes (a YAML alias bomb?); refusing to deploy it";

    private readonly Dictionary<string, long> _anchorSizes = new(StringComparer.Ordinal);

    // The collections still open, each with its anchor and the nodes counted in it so far; the bottom one is the file.
    private readonly Stack<(string? Anchor, long Size)> _open = new();

    // Nodes the aliases stand for: the file's own nodes are bounded by its size already, and do not count.
    private long _expandedByAliases;

    public AliasBudget() => _open.Push((null, 0));

    /// <summary>Counts the next parsing event; false once the aliases stand for more than <see cref="MaxNodes"/> nodes.</summary>
    public bool Admit(ParsingEvent parsingEvent)
    {
        var size = parsingEvent switch
        {
            Scalar scalar => Named(scalar.Anchor, 1),
            AnchorAlias alias => _anchorSizes.GetValueOrDefault(alias.Value.Value, 1),
            MappingStart or SequenceStart => Open((NodeEvent)parsingEvent),
            MappingEnd or SequenceEnd => Close(),
            _ => 0,
        };
        var (anchor, total) = _open.Pop();
        _open.Push((anchor, total + size));
        if (parsingEvent is AnchorAlias)
        {
            _expandedByAliases += size;
        }

        return _expandedByAliases <= MaxNodes;
    }

    private long Named(AnchorName anchor, long size)
    {
        if (!anchor.IsEmpty)
        {
            _anchorSizes[anchor.Value] = size;
        }

        return size;
    }

    private long Open(NodeEvent start)
    {
        _open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, 1));
        return 0;
    }

    private long Close()
    {
        var (anchor, size) = _open.Pop();
        if (anchor is not null)
        {
            _anchorSizes[anchor] = size;
        }

        return size;
    }
}
