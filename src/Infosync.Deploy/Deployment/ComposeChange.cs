using Infosync.Deploy.Compose;

namespace Infosync.Deploy.Deployment;

/// <summary>What a deploy will change in the compose files: the new text, the services, the images to pull, the diff.</summary>
public sealed record ComposeChange(
    ComposeSnapshot After,
    IReadOnlyList<ImageChange> Changes,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> NewImages,
    string From,
    string Diff)
{
    /// <summary>Plans the change of every service using <paramref name="repository"/> to <paramref name="tag"/>.</summary>
    public static ComposeChange Plan(ComposeSnapshot before, string repository, string tag, ComposeFiles files)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(files);
        var edit = ComposeImageEditor.ReplaceTag(new ComposeEditRequest(
            before.ComposeText, before.EnvText, repository, tag, ComposeFileName: files.ComposePath, EnvFileName: files.EnvPath));
        var after = new ComposeSnapshot(edit.ComposeText, edit.EnvText ?? before.EnvText);
        var current = ComposeImageEditor.ReadImages(before.ComposeText, before.EnvText, files.ComposePath)
            .Where(image => ImageReference.IsOf(image.Reference, repository))
            .ToList();
        var services = current.Select(image => image.Service).Distinct().ToList();
        var newImages = edit.Changes.Count > 0
            ? edit.Changes.Select(change => change.NewReference).Distinct().ToList()
            : current.Select(image => image.Reference).Distinct().ToList();
        var from = edit.Changes.Count > 0 ? edit.Changes[0].OldReference : current[0].Reference;
        return new ComposeChange(after, edit.Changes, services, newImages, from, Describe(before, after, files, tag));
    }

    private static string Describe(ComposeSnapshot before, ComposeSnapshot after, ComposeFiles files, string tag)
    {
        if (before == after)
        {
            return $"{files.ComposePath} already uses {tag}; pulling it again and recreating what changed.";
        }

        var diff = before.ComposeText == after.ComposeText ? string.Empty : UnifiedDiff.Of(files.ComposePath, before.ComposeText, after.ComposeText);
        return before.EnvText == after.EnvText ? diff : diff + UnifiedDiff.Of(files.EnvPath, before.EnvText, after.EnvText!);
    }
}
