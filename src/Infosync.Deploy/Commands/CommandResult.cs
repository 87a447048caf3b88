namespace Infosync.Deploy.Commands;

/// <summary>How a command ended: its exit status and, when captured, what it printed.</summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Whether the command exited with status 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>A successful result with no output, as a plan reports every command.</summary>
    public static CommandResult Planned { get; } = new(0, string.Empty, string.Empty);

    /// <summary>The answer to a read-only command that could not be run: a plan without a connection to the server.</summary>
    public static CommandResult NotRead { get; } = new(-1, string.Empty, "not read: no connection in plan mode");

    /// <summary>The last lines of standard error, or of standard output when error is empty, for a one-line message.</summary>
    public string Tail(int maxLines = 3)
    {
        var text = string.IsNullOrWhiteSpace(StandardError) ? StandardOutput : StandardError;
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", lines.TakeLast(maxLines));
    }
}
