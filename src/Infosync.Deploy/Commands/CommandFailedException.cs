namespace Infosync.Deploy.Commands;

/// <summary>A command that had to succeed did not; the message is one line naming what failed and why.</summary>
public sealed class CommandFailedException(string message) : Exception(message);
