using Cake.Core.Diagnostics;

namespace Infosync.Deploy.Commands;

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
