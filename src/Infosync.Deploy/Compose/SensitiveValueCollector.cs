using YamlDotNet.Core.Events;

namespace Infosync.Deploy.Compose;

// Walks a compose file's parsing events and keeps the values that lie in a sensitive place (see SensitiveValues).
internal sealed class SensitiveValueCollector
{
    private readonly Stack<Frame> open = new();
    private readonly Dictionary<string, List<string>> anchors = new(StringComparer.Ordinal);

    public HashSet<string> Values { get; } = new(StringComparer.Ordinal);

    public void Visit(ParsingEvent parsingEvent)
    {
        switch (parsingEvent)
        {
            case MappingStart or SequenceStart:
                var node = (NodeEvent)parsingEvent;
                var sensitive = ChildIsSensitive();
                AdvanceParent();
                open.Push(new Frame(parsingEvent is MappingStart, null, true, sensitive,
                    node.Anchor.IsEmpty ? null : node.Anchor.Value, node.Anchor.IsEmpty ? null : []));
                break;
            case MappingEnd or SequenceEnd:
                var closed = open.Pop();
                if (closed.Anchor is not null)
                {
                    anchors[closed.Anchor] = closed.Scalars!;
                    AddToAnchored(closed.Scalars!);
                }

                break;
            case Scalar scalar:
                OnScalar(scalar);
                break;
            case AnchorAlias alias:
                if (ChildIsSensitive() && anchors.TryGetValue(alias.Value.Value, out var aliased))
                {
                    Values.UnionWith(aliased);
                }

                AdvanceParent();
                break;
        }
    }

    private void OnScalar(Scalar scalar)
    {
        var isKey = open.Count > 0 && open.Peek().Mapping && open.Peek().ExpectingKey;
        if (!isKey)
        {
            if (ChildIsSensitive())
            {
                Add(scalar.Value);
            }

            AddToAnchored([scalar.Value]);
            if (!scalar.Anchor.IsEmpty)
            {
                anchors[scalar.Anchor.Value] = [scalar.Value];
            }
        }

        if (isKey)
        {
            var top = open.Pop();
            open.Push(top with { Key = scalar.Value, ExpectingKey = false });
            return;
        }

        AdvanceParent();
    }

    private void Add(string value)
    {
        // A list entry KEY=VALUE holds its value after the first '='.
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        Values.Add(value);
        if (equals >= 0 && equals + 1 < value.Length)
        {
            Values.Add(value[(equals + 1)..]);
        }
    }

    private void AddToAnchored(IEnumerable<string> scalars)
    {
        foreach (var frame in open.Where(f => f.Scalars is not null))
        {
            frame.Scalars!.AddRange(scalars);
        }
    }

    // The node about to be read is sensitive when its parent is, or when it is the value of an environment: key
    // anywhere below the top level (services, and extension fields merged into them), or of secrets:/configs:.
    private bool ChildIsSensitive()
    {
        if (open.Count == 0)
        {
            return false;
        }

        var parent = open.Peek();
        if (parent.Sensitive)
        {
            return true;
        }

        if (!parent.Mapping || parent.ExpectingKey)
        {
            return false;
        }

        return parent.Key switch
        {
            "secrets" or "configs" => open.Count == 1,
            "environment" => open.Count >= 2,
            _ => false,
        };
    }

    private void AdvanceParent()
    {
        if (open.Count > 0 && open.Peek().Mapping && !open.Peek().ExpectingKey)
        {
            var top = open.Pop();
            open.Push(top with { Key = null, ExpectingKey = true });
        }
    }

    // An open collection: whether it is a mapping, the key awaiting its value, whether it lies in a sensitive place,
    // its anchor, and the scalars seen inside it (kept only for anchored collections).
    private readonly record struct Frame(bool Mapping, string? Key, bool ExpectingKey, bool Sensitive, string? Anchor, List<string>? Scalars);
}
