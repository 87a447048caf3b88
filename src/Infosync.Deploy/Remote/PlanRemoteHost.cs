using Cake.Core.Diagnostics;
using Infosync.Deploy.Commands;

namespace Infosync.Deploy.Remote;

/// <summary>
/// Plan mode's host: prints every command; runs only the read-only ones, and only when a real connection
/// could be opened (<paramref name="reader"/>), so a plan can show the real compose diff and change nothing.
/// </summary>
public sealed class PlanRemoteHost(string name, IRemoteHost? reader, ICakeLog log) : IRemoteHost
{
    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public bool IsPlan => true;

    /// <summary>Whether read-only commands return real answers.</summary>
    public bool CanRead => reader is not null;

    /// <inheritdoc/>
    public Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.ReadOnly && reader is not null)
        {
            log.Verbose("[plan] {0}: {1}   (read-only: run)", name, command.Display);
            return reader.RunAsync(command, cancellationToken);
        }

        log.Information("[plan] {0}: {1}", name, command.Display);
        return Task.FromResult(command.ReadOnly
            ? new CommandResult(-1, string.Empty, "not read: no connection in plan mode")
            : CommandResult.Planned);
    }

    /// <inheritdoc/>
    public Task<AttachedProcess> StartAttachedAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        log.Information("[plan] {0}: {1}   (held open while the deploy runs)", name, command.Display);
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
}
