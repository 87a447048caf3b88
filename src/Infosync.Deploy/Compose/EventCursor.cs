using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Infosync.Deploy.Compose;

/// <summary>A forward cursor over parser events that can skip a whole node.</summary>
internal sealed class EventCursor(IParser parser)
{
    public ParsingEvent Current { get; private set; } = null!;

    public int Line => Current is null ? 1 : (int)Current.Start.Line;

    public ParsingEvent Next()
    {
        if (!parser.MoveNext())
        {
            throw new YamlException("the document ends early");
        }

        Current = parser.Current!;
        return Current;
    }

    public void Expect<T>()
        where T : ParsingEvent
    {
        if (Next() is not T)
        {
            throw new YamlException(Current.Start, Current.End, $"expected {typeof(T).Name}, found {Current.GetType().Name}");
        }
    }

    /// <summary>Moves past the node that starts with <paramref name="start"/> (already consumed).</summary>
    public void Skip(ParsingEvent start)
    {
        var depth = start is MappingStart or SequenceStart ? 1 : 0;
        while (depth > 0)
        {
            depth += Next() switch
            {
                MappingStart or SequenceStart => 1,
                MappingEnd or SequenceEnd => -1,
                _ => 0,
            };
        }
    }
}
