using System.Text.RegularExpressions;

namespace Infosync.Deploy.Images;

// Docker's reference grammar (distribution/reference), reduced to what the deploy needs.
internal static partial class ImageReferenceParser
{
    private const int MaxNameLength = 255;
    private const int MaxReferenceLength = 512;

    // The tool's one tag rule (at most 128 characters): whatever checks a tag, a setting or an edit, calls this.
    public static bool IsTag(string text) => TagPattern().IsMatch(text);

    public static ImageReference? Parse(string text)
    {
        if (text.Length == 0 || text.Length > MaxReferenceLength)
        {
            return null;
        }

        var name = text;
        string? digest = null;
        var at = name.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = name[(at + 1)..];
            name = name[..at];
            if (!DigestPattern().IsMatch(digest))
            {
                return null;
            }
        }

        string? tag = null;
        var colon = name.LastIndexOf(':');
        if (colon > name.LastIndexOf('/'))
        {
            tag = name[(colon + 1)..];
            name = name[..colon];
            if (!IsTag(tag))
            {
                return null;
            }
        }

        if (name.Length > MaxNameLength)
        {
            return null;
        }

        var (registry, path) = SplitRegistry(name);
        var validRegistry = registry is null || DomainPattern().IsMatch(registry);
        return validRegistry && PathPattern().IsMatch(path) ? new ImageReference(registry, path, tag, digest) : null;
    }

    // Docker's rule: the first component is a host when it has a dot or a port, is localhost, or has capitals.
    private static (string? Registry, string Path) SplitRegistry(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return (null, name);
        }

        var first = name[..slash];
        var isHost = first.Contains('.', StringComparison.Ordinal)
            || first.Contains(':', StringComparison.Ordinal)
            || first == "localhost"
            || first.Any(char.IsUpper);
        return isHost ? (first, name[(slash + 1)..]) : (null, name);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DigestPattern();

    [GeneratedRegex(
        @"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:]+\])(?::[0-9]+)?\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();
}
