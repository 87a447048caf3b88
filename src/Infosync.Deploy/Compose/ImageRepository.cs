namespace Infosync.Deploy.Compose;

/// <summary>
/// An image reference split the way Docker splits it: <c>[host[:port]/]path[:tag][@digest]</c>. The first path part
/// is a registry host only when it has a dot, a colon or is <c>localhost</c>, so the colon of a port is never a tag.
/// </summary>
public sealed record ImageRepository(string Repository, string? Tag, string? Digest)
{
    /// <summary>Splits <paramref name="reference"/>.</summary>
    public static ImageRepository Parse(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var digest = at < 0 ? null : reference[(at + 1)..];
        var name = at < 0 ? reference : reference[..at];
        var colon = name.LastIndexOf(':');
        var tagged = colon > name.LastIndexOf('/');
        return new ImageRepository(tagged ? name[..colon] : name, tagged ? name[(colon + 1)..] : null, digest);
    }

    /// <summary>
    /// Whether <paramref name="reference"/> is an image of <paramref name="repository"/>: the whole repository path
    /// equal, the registry host compared without case (host names have none), the rest exactly.
    /// </summary>
    public static bool Matches(string reference, string repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var actual = Parse(reference).Repository;
        var actualSlash = actual.IndexOf('/', StringComparison.Ordinal);
        var wantedSlash = repository.IndexOf('/', StringComparison.Ordinal);
        return actualSlash > 0 && wantedSlash > 0
            && string.Equals(actual[..actualSlash], repository[..wantedSlash], StringComparison.OrdinalIgnoreCase)
            && string.Equals(actual[actualSlash..], repository[wantedSlash..], StringComparison.Ordinal);
    }

    /// <summary>The reference with <paramref name="tag"/> and, when given, <paramref name="digest"/>; any old digest is dropped.</summary>
    public string With(string tag, string? digest) => digest is null ? $"{Repository}:{tag}" : $"{Repository}:{tag}@{digest}";

    /// <summary>The reference as written.</summary>
    public override string ToString() =>
        Repository + (Tag is null ? string.Empty : ":" + Tag) + (Digest is null ? string.Empty : "@" + Digest);
}
