namespace Infosync.Deploy.Deployment;

/// <summary>One file a deploy writes: what it held when read (null: it did not exist) and what it will hold.</summary>
public sealed record FileWrite(ServerFile? Before, ServerFile After);
