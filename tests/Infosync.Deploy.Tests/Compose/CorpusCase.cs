using Infosync.Deploy.Compose;

namespace Infosync.Deploy.Tests.Compose;

public sealed record CorpusCase(string File, string NewTag = CorpusCase.NewTagDefault, string Repository = CorpusCase.Harbor)
{
    public const string Harbor = "harbor.infosync.local/infosync/infosync";
    public const string NewTagDefault = "2.4.1";

    public ImageChange[] Changes { get; init; } = [];

    // Null means one splice per change made in the compose file, old reference to new.
    public TextSplice[]? ComposeSplices { get; init; }

    public TextSplice[] EnvSplices { get; init; } = [];

    public string? EnvAppendedLine { get; init; }

    public ComposeEditRequest Request(string composeText, string? envText) =>
        new(composeText, envText, Repository, NewTag, File, Path.ChangeExtension(File, ".env"));

    public IEnumerable<TextSplice> ExpectedComposeSplices() =>
        ComposeSplices ?? Changes.Where(change => change.Variable is null)
            .Select(change => new TextSplice(change.Line, change.OldReference, change.NewReference));
}
