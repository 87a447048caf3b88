namespace Infosync.Deploy.Deployment;

/// <summary>The compose file and the <c>.env</c> beside it (null when there is none), as read or to be written.</summary>
public sealed record ComposeSnapshot(string ComposeText, string? EnvText);
