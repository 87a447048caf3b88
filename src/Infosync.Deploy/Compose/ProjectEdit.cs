namespace Infosync.Deploy.Compose;

/// <summary>The result of a tag change across a project's compose files.</summary>
/// <param name="Files">Every file in merge order, with its new text (the same text when it does not change).</param>
/// <param name="EnvText">The new <c>.env</c> text, or null when <c>.env</c> needs no change.</param>
/// <param name="Changes">Each service whose effective image changed, naming the file that sets it.</param>
public sealed record ProjectEdit(IReadOnlyList<ComposeSource> Files, string? EnvText, IReadOnlyList<ImageChange> Changes);
