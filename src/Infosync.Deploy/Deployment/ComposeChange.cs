using Infosync.Deploy.Compose;
using Infosync.Deploy.Images;

namespace Infosync.Deploy.Deployment;

/// <summary>What a deploy will change in the project's files: the writes, the services, the images to pull, the diff.</summary>
public sealed record ComposeChange(
    ComposeProject Before,
    IReadOnlyList<FileWrite> Writes,
    IReadOnlyList<ImageChange> Changes,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> NewImages,
    string From,
    string Diff)
{
    /// <summary>Plans the change of every service whose effective image is <paramref name="repository"/> to <paramref name="tag"/>.</summary>
    /// <exception cref="ComposeEditException">No service uses the repository, or a file cannot be edited safely.</exception>
    public static ComposeChange Plan(ComposeProject before, string repository, string tag)
    {
        ArgumentNullException.ThrowIfNull(before);
        if (!before.IsRead)
        {
            return Unread(before, repository, tag);
        }

        var edit = ProjectImages.ReplaceTag(before.Sources, before.Env?.Text, repository, tag);
        var writes = new List<FileWrite>();
        for (var index = 0; index < before.Files.Count; index++)
        {
            if (edit.Files[index].Text != before.Files[index].Text)
            {
                writes.Add(new FileWrite(before.Files[index], before.Files[index].WithText(edit.Files[index].Text)));
            }
        }

        if (edit.EnvText is not null)
        {
            writes.Add(new FileWrite(before.Env, new ServerFile(before.EnvPath, LosslessText.Encode(edit.EnvText))));
        }

        var current = before.Images.Where(image => ImageReference.IsOf(image.Reference, repository)).ToList();
        var newImages = edit.Changes.Count > 0
            ? edit.Changes.Select(change => change.NewReference).Distinct().ToList()
            : current.Select(image => image.Reference).Distinct().ToList();
        var from = edit.Changes.Count > 0 ? edit.Changes[0].OldReference : current[0].Reference;
        var variables = edit.Changes.Select(change => change.Variable).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new ComposeChange(before, writes, edit.Changes, [.. current.Select(image => image.Service).Distinct()], newImages, from,
            Describe(before, writes, variables, tag));
    }

    // Nothing is known of the server's files, so nothing is edited or recreated: the plan says so instead of guessing.
    private static ComposeChange Unread(ComposeProject before, string repository, string tag) =>
        new(before, [], [], [], [$"{repository}:{tag}"], repository,
            $"The server could not be read, so which Compose it runs, which compose files it reads in {before.Directory} and which " +
            $"services use {repository} are not known; no diff can be shown. The deploy would set the tag of each service whose " +
            $"image is {repository} to {tag} in the compose file or .env that sets it (each only if unchanged since read, with a " +
            "backup beside it), recreate those services with the server's Compose (up --detach --no-deps), wait for health, and roll back if it fails.");

    // The diff shows the image lines that change; every other line it shows has its value masked.
    private static string Describe(ComposeProject before, List<FileWrite> writes, HashSet<string> variables, string tag)
    {
        if (writes.Count == 0)
        {
            return $"{before.FileNames} already use{(before.Files.Count == 1 ? "s" : string.Empty)} {tag}; pulling it again and recreating what changed.";
        }

        return string.Concat(writes.Select(write => write.After.Path == before.EnvPath
            ? UnifiedDiff.Of(write.After.Path, write.Before?.Text, write.After.Text, DiffMask.EnvContext,
                line => DiffMask.IsAssignmentOf(line, variables) ? line : DiffMask.EnvContext(line))
            : UnifiedDiff.Of(write.After.Path, write.Before?.Text, write.After.Text, DiffMask.ComposeContext, DiffMask.ComposeChanged)));
    }
}

/// <summary>One file a deploy writes: what it held when read (null: it did not exist) and what it will hold.</summary>
public sealed record FileWrite(ServerFile? Before, ServerFile After);
