namespace Infosync.Deploy.Settings;

/// <summary>Which settings the tasks about to run need; only those are required and checked.</summary>
public sealed record SettingsRequest(
    TagNeed Tag,
    bool Build,
    bool Repository,
    bool RegistryLogin,
    IReadOnlyCollection<DeployEnvironment> Targets)
{
    /// <summary>A request for nothing.</summary>
    public static SettingsRequest None { get; } = new(TagNeed.None, false, false, false, []);

    /// <summary>The union of two requests.</summary>
    public SettingsRequest Merge(SettingsRequest other) => new(
        (TagNeed)Math.Max((int)Tag, (int)other.Tag),
        Build || other.Build,
        Repository || other.Repository,
        RegistryLogin || other.RegistryLogin,
        [.. Targets.Union(other.Targets)]);
}

/// <summary>Whether the image tag must be given, may be given, or is not read.</summary>
public enum TagNeed
{
    /// <summary>Not read.</summary>
    None,

    /// <summary>Read and checked when given.</summary>
    Optional,

    /// <summary>Must be given.</summary>
    Required,

    /// <summary>The tag a rollback returns to: read only from the command line or <c>ROLLBACK_TAG</c>, checked when given.</summary>
    Rollback,
}
