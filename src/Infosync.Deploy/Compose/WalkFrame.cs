namespace Infosync.Deploy.Compose;

internal sealed class WalkFrame(bool isMapping, FrameRole role, string anchor, int startLine)
{
    public bool IsMapping { get; } = isMapping;

    public FrameRole Role { get; } = role;

    public string Anchor { get; } = anchor;

    public int StartLine { get; } = startLine;

    public bool ExpectingKey { get; set; } = true;

    // Null when the key is not a scalar; such entries are skipped.
    public string? Key { get; set; }

    public int KeyLine { get; set; }

    public ImageValue? Image { get; set; }

    public List<ImageValue?> Merges { get; } = [];

    public FrameRole RoleOfChild(bool childIsMapping) => this switch
    {
        { IsMapping: false } or { ExpectingKey: true } => FrameRole.Other,
        { Role: FrameRole.Root, Key: "services" } when childIsMapping => FrameRole.Services,
        { Role: FrameRole.Services } when childIsMapping => FrameRole.Service,
        { Key: "<<" } when !childIsMapping => FrameRole.MergeList,
        _ => FrameRole.Other,
    };

    // As YAML merge keys define it: the mapping's own key wins over merges, and earlier merges over later ones.
    public ImageValue? EffectiveImage => Image ?? Merges.Find(merged => merged is not null);
}

internal enum FrameRole
{
    Root,

    Services,

    Service,

    MergeList,

    // Still walked: anchors inside it may be merged into services.
    Other,
}
