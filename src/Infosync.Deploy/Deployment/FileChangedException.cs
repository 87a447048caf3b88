namespace Infosync.Deploy.Deployment;

/// <summary>A file on the server changed after the deploy read or wrote it; it was left as it is.</summary>
public sealed class FileChangedException : DeployException
{
    /// <summary>Creates the exception.</summary>
    public FileChangedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public FileChangedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public FileChangedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
