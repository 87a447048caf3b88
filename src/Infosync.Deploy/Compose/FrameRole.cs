namespace Infosync.Deploy.Compose;

/// <summary>What a collection is to the compose file, decided from where it sits.</summary>
internal enum FrameRole
{
    /// <summary>The document's top-level collection.</summary>
    Root,

    /// <summary>The mapping under the top-level <c>services</c> key.</summary>
    Services,

    /// <summary>One service's mapping.</summary>
    Service,

    /// <summary>A sequence under a merge key <c>&lt;&lt;</c>, listing the mappings to merge.</summary>
    MergeList,

    /// <summary>Anything else; still walked, because anchors inside it may be merged into services.</summary>
    Other,
}
