namespace Infosync.Deploy.Compose;

/// <summary>The edited texts; <see cref="EnvText"/> is null when the <c>.env</c> file needs no change.</summary>
public sealed record ComposeEdit(string ComposeText, string? EnvText, IReadOnlyList<ImageChange> Changes);
