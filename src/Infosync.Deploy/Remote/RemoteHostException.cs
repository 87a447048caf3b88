namespace Infosync.Deploy.Remote;

/// <summary>A host that cannot be reached, refuses us, or does not answer in time; the message is one line.</summary>
public sealed class RemoteHostException(string message, Exception? innerException = null) : Exception(message, innerException);
