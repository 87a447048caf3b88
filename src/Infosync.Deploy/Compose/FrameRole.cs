namespace Infosync.Deploy.Compose;

internal enum FrameRole
{
    Root,

    Services,

    Service,

    MergeList,

    // Still walked: anchors inside it may be merged into services.
    Other,
}
