using Cake.Core.Diagnostics;
using Infosync.Deploy.Commands;

namespace Infosync.Deploy.Remote;

/// <summary>
/// Plan mode's host, the one place that decides what a plan does with a command: a command that changes something is
/// printed as a numbered step (its one-line summary; the whole script at verbose) and answered as if it succeeded; a
/// read-only one runs for real when a connection could be opened (<paramref name="reader"/>), so a plan shows the real
/// compose diff and changes nothing, and is answered <see cref="CommandResult.NotRead"/> when none could.
/// </summary>
public sealed class PlanRemoteHost(string name, IRemoteHost? reader, ICakeLog log) : IRemoteHost
{
    private int steps;

    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.ReadOnly)
        {
            log.Verbose("[plan] {0}: {1}   (read-only: {2})", name, command.Display, reader is null ? "not run, no connection" : "run");
            return reader is null ? Task.FromResult(CommandResult.NotRead) : reader.RunAsync(command, cancellationToken);
        }

        Print(command, string.Empty);
        return Task.FromResult(CommandResult.Planned);
    }

    /// <inheritdoc/>
    public Task<AttachedProcess> StartAttachedAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        Print(command, "   (held open while the deploy runs)");
        return Task.FromResult(new AttachedProcess("0", () => ValueTask.CompletedTask));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (reader is not null)
        {
            await reader.DisposeAsync();
        }
    }

    private void Print(RemoteCommand command, string note)
    {
        log.Information("[plan] {0}: {1}. {2}{3}", name, ++steps, command.Step, note);
        if (command.Summary is not null)
        {
            log.Verbose("[plan]     {0}", command.Display);
        }
    }
}
