namespace Infosync.Deploy.Tests.Compose;

public sealed record CorpusError(string File, int Line, string MessageFragment, string Repository = CorpusCase.Harbor);
