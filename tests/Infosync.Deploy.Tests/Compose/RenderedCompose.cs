namespace Infosync.Deploy.Tests.Compose;

internal sealed record RenderedCompose(string Text, IReadOnlyDictionary<string, int> ImageLines);
