using System.Net.Sockets;
using System.Text;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Settings;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Infosync.Deploy.Remote;

/// <summary>
/// A server reached over exactly one SSH connection (SSH.NET); every command, file transfer and the lock's
/// keeper process is a channel on it. Exit statuses are returned, never thrown.
/// </summary>
public sealed class SshRemoteHost : IRemoteHost
{
    private readonly SshClient client;

    private SshRemoteHost(SshClient client, string name)
    {
        this.client = client;
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public bool IsPlan => false;

    /// <summary>Connects and authenticates, or throws a <see cref="RemoteHostException"/> saying why not.</summary>
    public static async Task<SshRemoteHost> ConnectAsync(
        SshSettings settings, HostKeyVerifier verifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(verifier);
        var client = new SshClient(SshConnection.Info(settings));
        client.HostKeyReceived += (_, e) => e.CanTrust = verifier.Verify(settings.Host, settings.Port, e.HostKey);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.ConnectTimeout);
        try
        {
            await client.ConnectAsync(timeout.Token);
            return new SshRemoteHost(client, settings.Display);
        }
        catch (Exception exception) when (exception is SshException or SocketException or OperationCanceledException or TimeoutException)
        {
            client.Dispose();
            throw SshConnection.Explain(exception, settings, verifier.Rejection, cancellationToken.IsCancellationRequested);
        }
    }

    /// <inheritdoc/>
    public async Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var ssh = client.CreateCommand(command.Command.ToShell());
        ssh.CommandTimeout = command.Timeout;
        try
        {
            var execution = ssh.ExecuteAsync(cancellationToken);
            await WriteInputAsync(ssh, command.Command.StandardInput?.Reveal() ?? command.Input, cancellationToken);
            await execution;
        }
        catch (SshOperationTimeoutException)
        {
            throw new RemoteHostException($"'{command.Display}' on {Name} did not finish within {command.Timeout.TotalSeconds:0} s.");
        }
        catch (Exception exception) when (exception is SshException or SocketException or ObjectDisposedException)
        {
            throw new RemoteHostException($"Lost the connection to {Name} during '{command.Display}': {exception.Message}", exception);
        }

        return new CommandResult(ssh.ExitStatus ?? -1, ssh.Result, ssh.Error);
    }

    /// <inheritdoc/>
    public async Task<AttachedProcess> StartAttachedAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var ssh = client.CreateCommand(command.Command.ToShell());
        var execution = ssh.ExecuteAsync(CancellationToken.None);
        var input = ssh.CreateInputStream();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(command.Timeout);
        var reader = new StreamReader(ssh.OutputStream, Encoding.UTF8);
        var firstLine = await reader.ReadLineAsync(timeout.Token) ?? string.Empty;
        return new AttachedProcess(firstLine, async () =>
        {
            await input.DisposeAsync();
            await Task.WhenAny(execution, Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None));
            reader.Dispose();
            ssh.Dispose();
        });
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task WriteInputAsync(SshCommand ssh, string? input, CancellationToken cancellationToken)
    {
        // Always open and close stdin, so that a command reading it sees end-of-file instead of waiting forever.
        await using var stream = ssh.CreateInputStream();
        if (input is not null)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(input), cancellationToken);
        }
    }
}
