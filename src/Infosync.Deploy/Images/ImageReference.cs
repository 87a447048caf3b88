using System.Diagnostics.CodeAnalysis;

namespace Infosync.Deploy.Images;

/// <summary>
/// A Docker image reference <c>[host[:port]/]path[:tag][@digest]</c>, keeping the text as written.
/// </summary>
public sealed record ImageReference
{
    private const string DockerHub = "docker.io";

    internal ImageReference(string? registry, string path, string? tag, string? digest)
    {
        Registry = registry;
        Path = path;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The registry host with its optional port, or null when the reference names none (Docker Hub).</summary>
    public string? Registry { get; }

    /// <summary>The repository path below the registry, such as <c>infosync/infosync</c>.</summary>
    public string Path { get; }

    /// <summary>The tag, or null when none is written (Docker then uses <c>latest</c>, unless a digest is given).</summary>
    public string? Tag { get; }

    /// <summary>The digest such as <c>sha256:…</c>, or null.</summary>
    public string? Digest { get; }

    /// <summary>The repository as written: registry and path without tag or digest.</summary>
    public string Repository => Registry is null ? Path : $"{Registry}/{Path}";

    private string CanonicalRegistry =>
        Registry is null || Registry.Equals("index.docker.io", StringComparison.OrdinalIgnoreCase) ? DockerHub : Registry;

    private string CanonicalPath =>
        CanonicalRegistry.Equals(DockerHub, StringComparison.OrdinalIgnoreCase) && !Path.Contains('/') ? "library/" + Path : Path;

    /// <summary>Parses a reference, throwing <see cref="FormatException"/> when it is not one.</summary>
    /// <param name="text">The reference text.</param>
    /// <returns>The parsed reference.</returns>
    public static ImageReference Parse(string text) =>
        TryParse(text, out var reference) ? reference : throw new FormatException($"'{text}' is not a Docker image reference.");

    /// <summary>Parses a reference.</summary>
    /// <param name="text">The reference text.</param>
    /// <param name="reference">The parsed reference, or null.</param>
    /// <returns>True when <paramref name="text"/> is a valid reference.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ImageReference? reference)
    {
        reference = text is null ? null : ImageReferenceParser.Parse(text);
        return reference is not null;
    }

    /// <summary>
    /// Whether both references name the same repository: the host compares case-insensitively,
    /// the path exactly, and a reference without a host means Docker Hub.
    /// </summary>
    /// <param name="other">The other reference; its tag and digest are ignored.</param>
    /// <returns>True for the same repository.</returns>
    public bool HasRepository(ImageReference other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(CanonicalRegistry, other.CanonicalRegistry, StringComparison.OrdinalIgnoreCase)
            && string.Equals(CanonicalPath, other.CanonicalPath, StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="reference"/> is a valid reference to an image of <paramref name="repository"/>.</summary>
    /// <param name="reference">An image reference, perhaps not a valid one.</param>
    /// <param name="repository">A repository, <c>host/project/name</c>.</param>
    /// <returns>True when both parse and name the same repository.</returns>
    public static bool IsOf(string reference, string repository) =>
        TryParse(reference, out var image) && TryParse(repository, out var wanted) && image.HasRepository(wanted);

    /// <summary>The same repository with another tag, and no digest.</summary>
    /// <param name="tag">The new tag.</param>
    /// <returns>The new reference.</returns>
    public ImageReference WithTag(string tag)
    {
        if (!ImageReferenceParser.IsTag(tag))
        {
            throw new ArgumentException($"'{tag}' is not a Docker tag.", nameof(tag));
        }

        return new ImageReference(Registry, Path, tag, null);
    }

    /// <summary>The reference as Docker writes it.</summary>
    /// <returns>The reference text.</returns>
    public override string ToString() =>
        Repository + (Tag is null ? string.Empty : ":" + Tag) + (Digest is null ? string.Empty : "@" + Digest);
}
