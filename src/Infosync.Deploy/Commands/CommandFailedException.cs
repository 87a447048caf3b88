namespace Infosync.Deploy.Commands;

/// <summary>A command that had to succeed did not; the message is one line naming what failed and why.</summary>
public sealed class CommandFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CommandFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CommandFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
