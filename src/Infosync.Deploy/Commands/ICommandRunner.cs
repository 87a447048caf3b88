using Cake.Core.Diagnostics;

namespace Infosync.Deploy.Commands;

/// <summary>Runs commands on this machine: for real, or as a plan that only prints them.</summary>
public interface ICommandRunner
{
    /// <summary>
    /// Runs <paramref name="command"/>; with <paramref name="captureOutput"/> its output is returned instead of shown.
    /// Never throws for a non-zero exit: the caller decides what a failure means.
    /// </summary>
    CommandResult Run(CommandLine command, bool captureOutput = false);
}

/// <summary>The runner of plan mode: prints each command as it would run, secrets redacted, and runs nothing.</summary>
public sealed class PlanCommandRunner(ICakeLog log) : ICommandRunner
{
    /// <inheritdoc/>
    public CommandResult Run(CommandLine command, bool captureOutput = false)
    {
        ArgumentNullException.ThrowIfNull(command);
        log.Information("[plan] local: {0}", command.Display);
        return CommandResult.Planned;
    }
}
