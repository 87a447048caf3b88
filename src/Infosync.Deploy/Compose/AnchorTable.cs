using YamlDotNet.Core.Events;

namespace Infosync.Deploy.Compose;

// Keeps the image each anchored mapping ends up with, so a merge key or an alias is resolved by one
// lookup instead of by copying the anchored node: an alias bomb costs nothing.
internal sealed class AnchorTable
{
    private readonly Dictionary<string, ImageValue?> _images = new(StringComparer.Ordinal);

    public static string NameOf(NodeEvent node) => node.Anchor.IsEmpty ? string.Empty : node.Anchor.Value;

    // A later anchor of the same name replaces the earlier one, as in YAML.
    public void Remember(string anchor, ImageValue? image)
    {
        if (anchor.Length > 0)
        {
            _images[anchor] = image;
        }
    }

    public List<ImageValue?> MergeSources(ParsingEvent node, WalkFrame? collection) => (node, collection) switch
    {
        (AnchorAlias alias, _) => [_images.GetValueOrDefault(alias.Value.Value)],
        (_, { IsMapping: true }) => [collection.EffectiveImage],
        (_, { Role: FrameRole.MergeList }) => collection.Merges,
        _ => [],
    };
}
