using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Infosync.Deploy.Compose;

// Parsing events rather than a YAML tree: aliases are looked up, never expanded, so an alias bomb costs
// no more than its text. An explicit stack rather than recursion: deep nesting cannot overflow the stack.
internal sealed class ComposeEventWalker(string fileText, int bomLength, string fileName)
{
    private readonly string _text = fileText[bomLength..];
    private readonly LineMap _lines = new(fileText);
    private readonly Stack<WalkFrame> _frames = new();
    private readonly AnchorTable _anchors = new();
    private readonly ServiceCollector _services = new(fileName);
    private readonly AliasBudget _aliases = new();
    private int _documents;

    public ComposeDocument Walk(bool requireServices)
    {
        var parser = new Parser(new StringReader(_text));
        try
        {
            while (parser.MoveNext())
            {
                Visit(parser.Current!);
            }
        }
        catch (YamlException exception)
        {
            throw new ComposeEditException(fileName, LineAt(exception.Start), "not valid YAML: " + exception.Message);
        }

        return _documents == 0
            ? throw new ComposeEditException(fileName, 1, "the file is empty")
            : _services.ToDocument(requireServices);
    }

    private void Visit(ParsingEvent parsingEvent)
    {
        if (!_aliases.Admit(parsingEvent))
        {
            throw new ComposeEditException(fileName, LineAt(parsingEvent.Start), AliasBudget.Refusal);
        }

        switch (parsingEvent)
        {
            case DocumentStart when ++_documents > 1:
                throw new ComposeEditException(fileName, LineAt(parsingEvent.Start), "the file holds more than one YAML document");
            case MappingStart or SequenceStart:
                Push((NodeEvent)parsingEvent);
                break;
            case MappingEnd or SequenceEnd:
                var frame = _frames.Pop();
                _anchors.Remember(frame.Anchor, frame.IsMapping ? frame.EffectiveImage : null);
                Complete(parsingEvent, frame, frame.StartLine);
                break;
            case Scalar scalar:
                _anchors.Remember(AnchorTable.NameOf(scalar), null);
                Complete(scalar, null, LineAt(scalar.Start));
                break;
            case AnchorAlias:
                Complete(parsingEvent, null, LineAt(parsingEvent.Start));
                break;
        }
    }

    private void Push(NodeEvent start)
    {
        if (_frames.Count >= InputLimits.MaxNestingDepth)
        {
            throw new ComposeEditException(fileName, LineAt(start.Start), $"collections nest more than {InputLimits.MaxNestingDepth} levels deep");
        }

        var isMapping = start is MappingStart;
        var role = _frames.TryPeek(out var parent) ? parent.RoleOfChild(isMapping) : FrameRole.Root;
        _frames.Push(new WalkFrame(isMapping, role, AnchorTable.NameOf(start), LineAt(start.Start)));
    }

    private void Complete(ParsingEvent node, WalkFrame? collection, int line)
    {
        if (!_frames.TryPeek(out var parent))
        {
            _services.SetRoot(node, collection, line);
            return;
        }

        if (parent.IsMapping && parent.ExpectingKey)
        {
            parent.Key = node is Scalar key ? key.Value : null;
            parent.KeyLine = line;
            parent.ExpectingKey = false;
            return;
        }

        if (parent.IsMapping)
        {
            parent.ExpectingKey = true;
            OnValue(parent, node, collection, line);
        }
        else if (parent.Role == FrameRole.MergeList)
        {
            parent.Merges.AddRange(_anchors.MergeSources(node, collection));
        }
    }

    private void OnValue(WalkFrame mapping, ParsingEvent node, WalkFrame? collection, int line)
    {
        switch (mapping)
        {
            case { Key: null }:
                return;
            case { Role: FrameRole.Services }:
                var image = collection is { IsMapping: true } ? collection.EffectiveImage : _anchors.MergeSources(node, null).FirstOrDefault();
                _services.AddService(mapping.Key, mapping.KeyLine, image);
                return;
            case { Role: FrameRole.Root, Key: "services" }:
                _services.SetServicesSection(mapping.KeyLine, node, collection);
                return;
            case { Role: FrameRole.Root, Key: "name" } when node is Scalar name:
                _services.SetName(name.Value);
                return;
            case { Key: "<<" }:
                mapping.Merges.AddRange(_anchors.MergeSources(node, collection));
                return;
            case { Key: "image" }:
                mapping.Image = mapping.Image is null
                    ? ImageValueOf(node, collection, line)
                    : ImageValue.Invalid(line, "image is set twice in the same mapping");
                return;
        }
    }

    private ImageValue ImageValueOf(ParsingEvent node, WalkFrame? collection, int line) => (node, collection) switch
    {
        (Scalar scalar, _) => ScalarLocator.Locate(scalar, _text, bomLength, _lines),
        (AnchorAlias alias, _) => ImageValue.Invalid(line, $"image is an alias (*{alias.Value.Value}), not a scalar; write the reference itself"),
        (_, { IsMapping: true }) => ImageValue.Invalid(line, "image is a mapping, not a scalar"),
        _ => ImageValue.Invalid(line, "image is a list, not a scalar"),
    };

    private int LineAt(Mark mark) => _lines.LineOf(checked((int)mark.Index) + bomLength);
}
