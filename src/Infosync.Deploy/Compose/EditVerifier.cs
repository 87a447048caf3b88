namespace Infosync.Deploy.Compose;

// The edited texts are read back before they are returned: a service whose image is not what was intended
// means the file is shaped in a way the editor did not foresee, and nothing must be written.
internal static class EditVerifier
{
    public static void Verify(
        IReadOnlyList<ServiceImage> before,
        IReadOnlyList<ServiceImage> after,
        IReadOnlyList<ImageChange> changes,
        string composeFileName)
    {
        var newReferences = changes.ToDictionary(change => change.Service, change => change.NewReference, StringComparer.Ordinal);
        var afterByService = after.ToDictionary(image => image.Service, image => image.Reference, StringComparer.Ordinal);
        foreach (var image in before)
        {
            var intended = newReferences.GetValueOrDefault(image.Service) ?? image.Reference;
            var actual = afterByService.GetValueOrDefault(image.Service);
            if (actual != intended)
            {
                throw new ComposeEditException(
                    composeFileName,
                    image.Line,
                    $"service {image.Service}: after the edit its image would read {actual ?? "(none)"} instead of {intended}; change it by hand");
            }
        }

        if (after.Count != before.Count)
        {
            throw new ComposeEditException(composeFileName, 0, "the edit would change which services have an image; change it by hand");
        }
    }
}
