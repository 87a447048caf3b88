namespace Infosync.Deploy.Compose;

/// <summary>A mapping or sequence being walked, with what has been learnt about its image so far.</summary>
internal sealed class WalkFrame(bool isMapping, FrameRole role, string anchor, int startLine)
{
    public bool IsMapping { get; } = isMapping;

    public FrameRole Role { get; } = role;

    /// <summary>The anchor on this collection, or empty.</summary>
    public string Anchor { get; } = anchor;

    public int StartLine { get; } = startLine;

    public bool ExpectingKey { get; set; } = true;

    /// <summary>The key whose value comes next; null when that key is not a scalar.</summary>
    public string? Key { get; set; }

    public int KeyLine { get; set; }

    /// <summary>The value of this mapping's own <c>image</c> key.</summary>
    public ImageValue? Image { get; set; }

    /// <summary>The images of merged mappings, in merge order; null for a merged mapping without one.</summary>
    public List<ImageValue?> Merges { get; } = [];

    /// <summary>What a collection that starts next, inside this one, is to the compose file.</summary>
    public FrameRole RoleOfChild(bool childIsMapping) => this switch
    {
        { IsMapping: false } or { ExpectingKey: true } => FrameRole.Other,
        { Role: FrameRole.Root, Key: "services" } when childIsMapping => FrameRole.Services,
        { Role: FrameRole.Services } when childIsMapping => FrameRole.Service,
        { Key: "<<" } when !childIsMapping => FrameRole.MergeList,
        _ => FrameRole.Other,
    };

    /// <summary>The image the mapping ends up with: its own key wins over merges, and earlier merges over later ones.</summary>
    public ImageValue? EffectiveImage => Image ?? Merges.Find(merged => merged is not null);
}
