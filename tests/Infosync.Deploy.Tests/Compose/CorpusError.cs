namespace Infosync.Deploy.Tests.Compose;

/// <summary>A corpus file that must be refused, the line the message must name, and words it must contain.</summary>
public sealed record CorpusError(string File, int Line, string MessageFragment, string Repository = CorpusCase.Harbor);
