namespace Infosync.Deploy.Compose;

/// <summary>The result of an image tag change: the new texts and what changed.</summary>
/// <param name="ComposeText">The new compose text; equal to the input when nothing in it changed.</param>
/// <param name="EnvText">The new <c>.env</c> text, or null when the <c>.env</c> file needs no change.</param>
/// <param name="Changes">One entry for every service whose image reference changed, in file order.</param>
public sealed record ComposeEdit(string ComposeText, string? EnvText, IReadOnlyList<ImageChange> Changes);
