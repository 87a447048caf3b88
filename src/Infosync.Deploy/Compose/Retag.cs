using System.Text.RegularExpressions;

namespace Infosync.Deploy.Compose;

// The checked form of a ComposeEditRequest: every service whose image is of Repository (only those in Services,
// when given) is to carry Tag. Not a "target": that word already names the Cake target and the deploy target.
internal sealed partial record Retag(ImageReference Repository, string Tag, string? Digest, IReadOnlySet<string>? Services)
{
    public static Retag From(ComposeEditRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.ComposeText, nameof(request.ComposeText));
        ArgumentNullException.ThrowIfNull(request.Repository, nameof(request.Repository));
        ArgumentNullException.ThrowIfNull(request.NewTag, nameof(request.NewTag));
        ArgumentNullException.ThrowIfNull(request.ComposeFileName, nameof(request.ComposeFileName));
        ArgumentNullException.ThrowIfNull(request.EnvFileName, nameof(request.EnvFileName));

        if (!ImageReference.TryParse(request.Repository, out var repository) || repository.Tag is not null || repository.Digest is not null)
        {
            throw new ArgumentException($"'{request.Repository}' is not an image repository host[:port]/project/name.", nameof(request));
        }

        if (!ImageReferenceParser.IsTag(request.NewTag))
        {
            throw new ArgumentException($"'{request.NewTag}' is not a Docker tag.", nameof(request));
        }

        if (request.NewDigest is not null && !Sha256DigestPattern().IsMatch(request.NewDigest))
        {
            throw new ArgumentException($"'{request.NewDigest}' is not a digest sha256:<64 hex digits>.", nameof(request));
        }

        return new Retag(repository, request.NewTag, request.NewDigest, request.Services);
    }

    public string TagAndDigest => Digest is null ? Tag : $"{Tag}@{Digest}";

    [GeneratedRegex(@"^sha256:[a-f0-9]{64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256DigestPattern();
}
