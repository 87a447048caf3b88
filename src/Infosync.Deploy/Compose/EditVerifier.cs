namespace Infosync.Deploy.Compose;

/// <summary>
/// Reads the edited texts back and checks every service ends up with the image intended: changed
/// services with their new reference, all others untouched. A mismatch means the file is shaped in a
/// way the editor did not foresee, and nothing must be written.
/// </summary>
internal static class EditVerifier
{
    public static void Verify(
        IReadOnlyList<ServiceImage> before,
        IReadOnlyList<ServiceImage> after,
        IReadOnlyList<ImageChange> changes,
        string composeFileName)
    {
        var intended = before.ToDictionary(
            image => image.Service,
            image => changes.FirstOrDefault(change => change.Service == image.Service)?.NewReference ?? image.Reference,
            StringComparer.Ordinal);

        foreach (var image in before)
        {
            var actual = after.FirstOrDefault(candidate => candidate.Service == image.Service);
            if (actual?.Reference != intended[image.Service])
            {
                throw new ComposeEditException(
                    composeFileName,
                    image.Line,
                    $"service {image.Service}: after the edit its image would read {actual?.Reference ?? "(none)"} instead of {intended[image.Service]}; change it by hand");
            }
        }

        if (after.Count != before.Count)
        {
            throw new ComposeEditException(composeFileName, 0, "the edit would change which services have an image; change it by hand");
        }
    }
}
