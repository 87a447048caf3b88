namespace Infosync.Deploy.Deployment;

/// <summary>A deploy that could not be done; the message is one line saying why and what state the server is in.</summary>
public class DeployException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeployException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DeployException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DeployException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
