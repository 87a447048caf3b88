namespace Infosync.Deploy.Deployment;

/// <summary>A deploy step that cannot go on; the message is one line saying what failed and in what state it left the server.</summary>
public class DeployException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>A file on the server changed after the deploy read or wrote it; it was left as it is.</summary>
public sealed class FileChangedException(string message) : DeployException(message);

/// <summary>Another deploy holds the environment's lock and did not let go in time.</summary>
public sealed class LockHeldException(string message) : DeployException(message);
