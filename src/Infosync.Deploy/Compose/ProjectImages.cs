using Infosync.Deploy.Images;

namespace Infosync.Deploy.Compose;

/// <summary>
/// The images of a project whose services are spread over several compose files, merged as Compose merges them: a
/// later file's <c>image:</c> replaces an earlier one's. A tag change edits the file that sets each service's
/// effective image and leaves every other file as it is.
/// </summary>
public static class ProjectImages
{
    /// <summary>Each service's effective image, with the file that sets it, in the order services first appear.</summary>
    /// <exception cref="ComposeEditException">A file cannot be read as a compose file.</exception>
    public static IReadOnlyList<ServiceImage> Read(IReadOnlyList<ComposeSource> files, string? envText)
    {
        ArgumentNullException.ThrowIfNull(files);
        var env = EnvFile.Read(envText, ".env");
        var effective = new Dictionary<string, ServiceImage>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var file in files)
        {
            var document = ComposeDocument.Read(file.Text, file.Name, requireServices: files.Count == 1);
            foreach (var image in new ServiceImageResolver(env, file.Name).ReadAll(document))
            {
                if (effective.TryAdd(image.Service, image))
                {
                    order.Add(image.Service);
                }
                else
                {
                    effective[image.Service] = image;
                }
            }
        }

        return [.. order.Select(service => effective[service])];
    }

    /// <summary>The project's top-level <c>name:</c> (the last file's that has one), interpolated, or null.</summary>
    public static string? Name(IReadOnlyList<ComposeSource> files, string? envText)
    {
        ArgumentNullException.ThrowIfNull(files);
        var name = files.Select(file => ComposeDocument.Read(file.Text, file.Name, requireServices: false).Name).LastOrDefault(n => n is not null);
        if (name is null)
        {
            return null;
        }

        var env = EnvFile.Read(envText, ".env");
        try
        {
            return Interpolation.Resolve(name, env.Lookup);
        }
        catch (FormatException exception)
        {
            throw new ComposeEditException(files[^1].Name, 0, "name: " + exception.Message);
        }
    }

    /// <summary>Gives every service whose effective image is <paramref name="repository"/> the tag <paramref name="tag"/>.</summary>
    /// <exception cref="ComposeEditException">No service uses the repository, or a file cannot be edited safely.</exception>
    public static ProjectEdit ReplaceTag(IReadOnlyList<ComposeSource> files, string? envText, string repository, string tag)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 1)
        {
            var single = ComposeImageEditor.ReplaceTag(new ComposeEditRequest(files[0].Text, envText, repository, tag, ComposeFileName: files[0].Name));
            return new ProjectEdit([files[0] with { Text = single.ComposeText }], single.EnvText,
                [.. single.Changes.Select(change => change with { File = files[0].Name })]);
        }

        var before = Read(files, envText);
        var ours = before.Where(image => ImageReference.IsOf(image.Reference, repository)).ToList();
        if (ours.Count == 0)
        {
            throw new ComposeEditException(string.Join(", ", files.Select(f => f.Name)), 0, $"no service uses image repository {repository}");
        }

        var edited = files.ToArray();
        var env = envText;
        var changes = new List<ImageChange>();
        for (var index = 0; index < edited.Length; index++)
        {
            var services = ours.Where(image => image.File == edited[index].Name).Select(image => image.Service).ToHashSet(StringComparer.Ordinal);
            if (services.Count == 0)
            {
                continue;
            }

            var edit = ComposeImageEditor.ReplaceTag(new ComposeEditRequest(
                edited[index].Text, env, repository, tag, ComposeFileName: edited[index].Name, Services: services));
            edited[index] = edited[index] with { Text = edit.ComposeText };
            env = edit.EnvText ?? env;
            changes.AddRange(edit.Changes.Select(change => change with { File = edited[index].Name }));
        }

        var after = Read(edited, env);
        Verify(before, after, ours, repository, tag);
        return new ProjectEdit(edited, env == envText ? null : env, [.. ours.Select(image => ChangeOf(image, after, changes)).OfType<ImageChange>()]);
    }

    // A service whose tag variable another file's edit already changed has no change of its own in the edits.
    private static ImageChange? ChangeOf(ServiceImage before, IReadOnlyList<ServiceImage> after, List<ImageChange> edits)
    {
        var now = after.First(image => image.Service == before.Service);
        return now.Reference == before.Reference
            ? null
            : edits.FirstOrDefault(change => change.Service == before.Service)
                ?? new ImageChange(before.Service, before.Reference, now.Reference, before.Line, edits.FirstOrDefault(change => change.Variable is not null)?.Variable, before.File);
    }

    // Each file was checked on its own; only the merged result shows a variable one file changes for another's service.
    private static void Verify(IReadOnlyList<ServiceImage> before, IReadOnlyList<ServiceImage> after, List<ServiceImage> ours, string repository, string tag)
    {
        var now = after.ToDictionary(image => image.Service, StringComparer.Ordinal);
        foreach (var image in before)
        {
            var intended = ours.Contains(image) ? ImageReference.Parse(image.Reference).WithTag(tag).ToString() : image.Reference;
            var actual = now.GetValueOrDefault(image.Service)?.Reference;
            if (actual != intended)
            {
                throw new ComposeEditException(image.File, image.Line,
                    $"service {image.Service}: after the edit its image would read {actual ?? "(none)"} instead of {intended}" +
                    $"{(ours.Contains(image) ? string.Empty : $" (it shares a variable with a service of {repository})")}; change it by hand");
            }
        }
    }
}

/// <summary>The result of editing a project's compose files (and its <c>.env</c>): the new texts and the image changes.</summary>
/// <param name="Files">Every file in merge order, with its new text (the same text when it does not change).</param>
/// <param name="EnvText">The new <c>.env</c> text, or null when <c>.env</c> needs no change.</param>
/// <param name="Changes">Each service whose effective image changed, naming the file that sets it.</param>
public sealed record ProjectEdit(IReadOnlyList<ComposeSource> Files, string? EnvText, IReadOnlyList<ImageChange> Changes);
