namespace Infosync.Deploy.Compose;

internal sealed class ImageEditPlanner(ComposeDocument document, ServiceImageResolver resolver, EditTarget target)
{
    private readonly Dictionary<string, string> _variablesOfOtherImages = new(StringComparer.Ordinal);

    public List<PlannedChange> Plan()
    {
        var changes = new List<PlannedChange>();
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

            if (target.Services?.Contains(service.Name) == false)
            {
                // A later compose file sets this service's image, so what this file says is not what runs.
                continue;
            }

            matched = true;
            var change = PlanService(service.Name, scalar, template);
            if (change.OldReference != change.NewReference)
            {
                changes.Add(change);
            }
        }

        if (!matched)
        {
            throw new ComposeEditException(document.FileName, document.ServicesLine, $"no service uses image repository {target.Repository}");
        }

        CheckVariables(changes);
        return changes;
    }

    private bool Matches(string service, ImageScalar scalar, ImageTemplate template)
    {
        var text = template.WholeVariable is null ? template.NameText : template.Text;
        return ImageReference.TryParse(resolver.Resolve(text, service, scalar), out var reference)
            && reference.HasRepository(target.Repository);
    }

    private PlannedChange PlanService(string service, ImageScalar scalar, ImageTemplate template)
    {
        var old = resolver.Resolve(template.Text, service, scalar);
        if (template.WholeVariable is { } whole)
        {
            var next = ImageReference.Parse(old).WithTag(target.Tag, target.Digest).ToString();
            return new PlannedChange(service, scalar, old, next, whole.Variable, next);
        }

        var name = ImageReference.Parse(resolver.Resolve(template.NameText, service, scalar));
        if (name.Tag is not null || name.Digest is not null)
        {
            throw resolver.Problem(service, scalar, "its tag comes from a variable inside the repository name; change it by hand");
        }

        var newReference = $"{name}:{target.TagAndDigest}";
        if (template.HasLiteralTagAndDigest)
        {
            return new PlannedChange(service, scalar, old, newReference, null, $"{template.NameText}:{target.TagAndDigest}");
        }

        if (template.TagVariable is { } tag)
        {
            return new PlannedChange(service, scalar, old, newReference, tag.Variable, target.TagAndDigest);
        }

        throw resolver.Problem(service, scalar, template.HasDigest
            ? "its tag or digest comes from a variable next to a fixed part; change it by hand"
            : "its tag is built from several parts; change it by hand");
    }

    private void CheckVariables(List<PlannedChange> changes)
    {
        foreach (var group in changes.Where(change => change.Variable is not null).GroupBy(change => change.Variable!))
        {
            var first = group.First();
            if (group.FirstOrDefault(change => change.NewValue != first.NewValue) is { } other)
            {
                throw resolver.Problem(other.Service, other.Scalar, $"variable {group.Key} would need two values, {first.NewValue} and {other.NewValue}; change it by hand");
            }

            if (_variablesOfOtherImages.TryGetValue(group.Key, out var otherService))
            {
                throw resolver.Problem(first.Service, first.Scalar,
                    $"variable {group.Key} is also used by service {otherService}, whose image is not {target.Repository}; changing it would change that service too");
            }
        }
    }
}

// NewValue goes into the scalar, or into Variable in the .env file when Variable is set.
internal sealed record PlannedChange(
    string Service,
    ImageScalar Scalar,
    string OldReference,
    string NewReference,
    string? Variable,
    string NewValue);
