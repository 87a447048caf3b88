namespace Infosync.Deploy.Remote;

/// <summary>A host that cannot be reached, refuses us, or does not answer in time; the message is one line.</summary>
public sealed class RemoteHostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RemoteHostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RemoteHostException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public RemoteHostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
