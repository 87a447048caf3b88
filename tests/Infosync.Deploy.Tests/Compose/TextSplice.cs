namespace Infosync.Deploy.Tests.Compose;

/// <summary>An expected replacement: the first <paramref name="Old"/> on <paramref name="Line"/> (after earlier splices on that line) becomes <paramref name="New"/>.</summary>
public sealed record TextSplice(int Line, string Old, string New);
