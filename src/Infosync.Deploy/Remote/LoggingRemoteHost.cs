using Cake.Core.Diagnostics;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Secrets;

namespace Infosync.Deploy.Remote;

/// <summary>Logs every command a host runs, and its exit status, at diagnostic verbosity; output is redacted.</summary>
public sealed class LoggingRemoteHost(IRemoteHost inner, ICakeLog log, Redactor redactor) : IRemoteHost
{
    /// <inheritdoc/>
    public string Name => inner.Name;


    /// <inheritdoc/>
    public async Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        log.Debug("{0}$ {1}", inner.Name, command.Display);
        var result = await inner.RunAsync(command, cancellationToken);
        log.Debug("  exit {0}{1}", result.ExitCode, result.Succeeded ? string.Empty : ": " + redactor.Redact(result.Tail()));
        return result;
    }

    /// <inheritdoc/>
    public Task<AttachedProcess> StartAttachedAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        log.Debug("{0}$ {1} &", inner.Name, command.Display);
        return inner.StartAttachedAsync(command, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
