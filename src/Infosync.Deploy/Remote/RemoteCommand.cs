using Infosync.Deploy.Commands;

namespace Infosync.Deploy.Remote;

/// <summary>
/// A command for a host's shell: the command line, how long it may take, the non-secret text it reads on stdin
/// (a file's new content), and whether it only reads, which lets plan mode run it for real. Every command is built in
/// the catalogue (<c>Infosync.Deploy.Catalogue</c>).
/// </summary>
public sealed record RemoteCommand(CommandLine Command, TimeSpan Timeout, string? Input = null, bool ReadOnly = false)
{
    /// <summary>What a script does, in one line, for plans at normal verbosity; null for a command that reads as itself.</summary>
    public string? Summary { get; init; }

    /// <summary>The default time a remote command may take.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A command that changes something, with the default timeout.</summary>
    public static RemoteCommand Change(CommandLine command) => new(command, DefaultTimeout);

    /// <summary>A command that only reads, with the default timeout.</summary>
    public static RemoteCommand Read(CommandLine command) => new(command, DefaultTimeout, ReadOnly: true);

    /// <summary>A <c>sh -c</c> script whose values arrive as positional parameters, so the script text holds none.</summary>
    public static CommandLine Script(string script, params string[] parameters) =>
        CommandLine.For("sh").Add("-c", script, "sh").Add(parameters);

    /// <summary>How the command appears in plans and logs.</summary>
    public string Display => Input is null ? Command.Display : $"{Command.Display} < ({Input.Length} characters)";

    /// <summary>The one line a plan shows at normal verbosity: the summary of a script, else the command itself.</summary>
    public string Step => Summary ?? Display;

    /// <summary>This command, described in one line for plans.</summary>
    public RemoteCommand Described(string summary) => this with { Summary = summary };
}
