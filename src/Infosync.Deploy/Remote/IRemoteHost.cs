using Infosync.Deploy.Commands;

namespace Infosync.Deploy.Remote;

/// <summary>
/// A server the deploy runs commands on: over one SSH connection, on this machine, or in a plan that only prints.
/// Results carry the exit status; a non-zero status never throws, the caller checks it.
/// </summary>
public interface IRemoteHost : IAsyncDisposable
{
    /// <summary>How the host appears in output: <c>deployer@host:22</c>, <c>local</c>.</summary>
    string Name { get; }


    /// <summary>Runs <paramref name="command"/>; throws only when the host cannot be reached or the timeout passes.</summary>
    Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts <paramref name="command"/> with its stdin held open and returns its first output line once printed;
    /// the process ends when the handle is disposed or when this connection dies, however this process ends.
    /// </summary>
    Task<AttachedProcess> StartAttachedAsync(RemoteCommand command, CancellationToken cancellationToken = default);
}
