using Infosync.Deploy.Images;

namespace Infosync.Deploy.Compose;

// The checked form of a ComposeEditRequest: every service whose image is of Repository (only those in Services,
// when given) is to carry Tag. Not a "target": that word already names the Cake target and the deploy target.
internal sealed record Retag(ImageReference Repository, string Tag, IReadOnlySet<string>? Services)
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

        return new Retag(repository, request.NewTag, request.Services);
    }
}
