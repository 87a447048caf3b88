namespace Infosync.Deploy.Tests.Compose;

/// <summary>A generated compose text and the line of each image of the target repository.</summary>
internal sealed record RenderedCompose(string Text, IReadOnlyDictionary<string, int> ImageLines);
