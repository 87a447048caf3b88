namespace Infosync.Deploy.Compose;

internal sealed record ComposeDocument(string FileName, IReadOnlyList<ComposeService> Services, int ServicesLine)
{
    private const char ByteOrderMark = '\uFEFF';

    // The top-level name: as written (Compose v2's project name), before interpolation.
    public string? Name { get; init; }

    public static ComposeDocument Read(string text, string fileName, bool requireServices = true)
    {
        InputLimits.EnsureSmallEnough(text, fileName);

        // YamlDotNet reads a leading BOM as part of the first key; parse without it and shift every offset back.
        var bomLength = text.Length > 0 && text[0] == ByteOrderMark ? 1 : 0;
        return new ComposeEventWalker(text, bomLength, fileName).Walk(requireServices);
    }
}

// Image is null for a service without one (it is built, for instance).
internal sealed record ComposeService(string Name, int Line, ImageValue? Image);
