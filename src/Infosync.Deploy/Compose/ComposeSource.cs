namespace Infosync.Deploy.Compose;

/// <summary>One compose file of a project: its name as Compose is given it, and its text.</summary>
public sealed record ComposeSource(string Name, string Text);
