namespace Infosync.Deploy.Deployment;

/// <summary>Another deploy holds the environment's lock and did not let go in time.</summary>
public sealed class LockHeldException : DeployException
{
    /// <summary>Creates the exception.</summary>
    public LockHeldException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LockHeldException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public LockHeldException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
