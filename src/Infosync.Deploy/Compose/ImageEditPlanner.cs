using Infosync.Deploy.Images;

namespace Infosync.Deploy.Compose;

internal sealed class ImageEditPlanner(ComposeDocument document, ServiceImageResolver resolver, Retag retag)
{
    private readonly Dictionary<string, string> _variablesOfOtherImages = new(StringComparer.Ordinal);

    public List<ImageSplice> Plan()
    {
        var splices = new List<ImageSplice>();
        var matched = false;
        foreach (var service in document.Services.Where(service => service.Image is not null))
        {
            var scalar = service.Image!.ScalarOrThrow(document.FileName, service.Name);
            var template = resolver.Parse(service.Name, scalar);
            if (!Matches(service.Name, scalar, template))
            {
                foreach (var variable in template.VariableNames)
                {
                    _variablesOfOtherImages.TryAdd(variable, service.Name);
                }

                continue;
            }

            if (retag.Services?.Contains(service.Name) == false)
            {
                // A later compose file sets this service's image, so what this file says is not what runs.
                continue;
            }

            matched = true;
            var splice = PlanService(service.Name, scalar, template);
            if (splice.OldReference != splice.NewReference)
            {
                splices.Add(splice);
            }
        }

        if (!matched)
        {
            throw new ComposeEditException(document.FileName, document.ServicesLine, $"no service uses image repository {retag.Repository}");
        }

        CheckVariables(splices);
        return splices;
    }

    private bool Matches(string service, ImageScalar scalar, ImageTemplate template)
    {
        var text = template.WholeVariable is null ? template.NameText : template.Text;
        return ImageReference.TryParse(resolver.Resolve(text, service, scalar), out var reference)
            && reference.HasRepository(retag.Repository);
    }

    private ImageSplice PlanService(string service, ImageScalar scalar, ImageTemplate template)
    {
        var old = resolver.Resolve(template.Text, service, scalar);
        if (template.WholeVariable is { } whole)
        {
            var next = ImageReference.Parse(old).WithTag(retag.Tag).ToString();
            return new ImageSplice(service, scalar, old, next, whole.Variable, next);
        }

        var name = ImageReference.Parse(resolver.Resolve(template.NameText, service, scalar));
        if (name.Tag is not null || name.Digest is not null)
        {
            throw resolver.Problem(service, scalar, "its tag comes from a variable inside the repository name; change it by hand");
        }

        var newReference = $"{name}:{retag.Tag}";
        if (template.HasLiteralTagAndDigest)
        {
            return new ImageSplice(service, scalar, old, newReference, null, $"{template.NameText}:{retag.Tag}");
        }

        if (template.TagVariable is { } tag)
        {
            return new ImageSplice(service, scalar, old, newReference, tag.Variable, retag.Tag);
        }

        throw resolver.Problem(service, scalar, template.HasDigest
            ? "its tag or digest comes from a variable next to a fixed part; change it by hand"
            : "its tag is built from several parts; change it by hand");
    }

    private void CheckVariables(List<ImageSplice> splices)
    {
        foreach (var group in splices.Where(splice => splice.Variable is not null).GroupBy(splice => splice.Variable!))
        {
            var first = group.First();
            if (group.FirstOrDefault(splice => splice.NewValue != first.NewValue) is { } other)
            {
                throw resolver.Problem(other.Service, other.Scalar, $"variable {group.Key} would need two values, {first.NewValue} and {other.NewValue}; change it by hand");
            }

            if (_variablesOfOtherImages.TryGetValue(group.Key, out var otherService))
            {
                throw resolver.Problem(first.Service, first.Scalar,
                    $"variable {group.Key} is also used by service {otherService}, whose image is not {retag.Repository}; changing it would change that service too");
            }
        }
    }
}

// One service's planned text replacement: NewValue replaces the image scalar's text, or the value of Variable in the
// .env file when Variable is set. (A "change" is what the user is told: ImageChange.)
internal sealed record ImageSplice(
    string Service,
    ImageScalar Scalar,
    string OldReference,
    string NewReference,
    string? Variable,
    string NewValue);
