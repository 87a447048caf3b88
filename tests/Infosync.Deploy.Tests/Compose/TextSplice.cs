namespace Infosync.Deploy.Tests.Compose;

// The first Old on Line, after earlier splices on that line, becomes New.
public sealed record TextSplice(int Line, string Old, string New);
