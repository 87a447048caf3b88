using Infosync.Deploy.Images;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// The image a rollback returns to: its tag, and, when the history recorded them, its local image id and repository
/// digest, so that a reused tag brings back the very image that ran, not what the tag names today.
/// </summary>
public sealed record RollbackPoint(string Tag, string? ImageId, string? Digest)
{
    /// <summary>The point a recorded reference (<c>repo:tag@digest</c>) and image id name; null when the reference is not one.</summary>
    public static RollbackPoint? From(string? reference, string? imageId) =>
        ImageReference.TryParse(reference, out var image) ? new RollbackPoint(image.Tag ?? "latest", imageId, image.Digest) : null;

    /// <summary>Whether this point is what runs now.</summary>
    public bool IsSameAs(string tag, string? imageId) => Tag == tag && (ImageId is null || imageId is null || ImageId == imageId);

    /// <summary>How the point reads in output: the tag, and the image id's first 12 digits when known.</summary>
    public string Display => ImageId is null ? Tag : $"{Tag} (image {ShortId(ImageId)})";

    /// <summary>An image id as Docker shows it: its first 12 hex digits.</summary>
    public static string ShortId(string imageId)
    {
        ArgumentNullException.ThrowIfNull(imageId);
        var hex = imageId.Replace("sha256:", string.Empty, StringComparison.Ordinal);
        return hex[..Math.Min(12, hex.Length)];
    }
}
