using System.Net.Sockets;
using System.Text;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Settings;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Infosync.Deploy.Remote;

/// <summary>
/// A server reached over exactly one SSH connection (SSH.NET), directly or through jump hosts; every command, file
/// transfer and the lock's keeper process is a channel on it. Exit statuses are returned, never thrown.
/// </summary>
public sealed class SshRemoteHost : IRemoteHost
{
    private readonly SshClient client;
    private readonly JumpRoute? route;

    private SshRemoteHost(SshClient client, JumpRoute? route, string name)
    {
        this.client = client;
        this.route = route;
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }


    /// <summary>
    /// Connects and authenticates, through the jump hosts when the settings name any, or throws a
    /// <see cref="RemoteHostException"/> saying why not.
    /// </summary>
    public static async Task<SshRemoteHost> ConnectAsync(
        SshSettings settings, HostKeyVerifier verifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(verifier);
        var route = settings.ProxyJump is null ? null : await JumpRoute.OpenAsync(settings, verifier, cancellationToken);
        try
        {
            var client = await SshConnection.OpenAsync(settings, settings.Target, SshLogin.Target(settings), route, verifier, cancellationToken);
            return new SshRemoteHost(client, route, settings.Display);
        }
        catch
        {
            route?.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var input = command.Command.StandardInput?.Reveal() ?? command.Input;

        // SSH.NET sends end-of-file only after some input was written, so a command without input reads /dev/null.
        var line = string.IsNullOrEmpty(input) ? command.Command.ToShell() + " </dev/null" : command.Command.ToShell();
        using var ssh = client.CreateCommand(line);
        ssh.CommandTimeout = command.Timeout;
        Task<string> output, error;
        try
        {
            var execution = ssh.ExecuteAsync(cancellationToken);
            (output, error) = (ReadAllAsync(ssh.OutputStream), ReadAllAsync(ssh.ExtendedOutputStream));
            if (!string.IsNullOrEmpty(input))
            {
                await using var stream = ssh.CreateInputStream();
                await stream.WriteAsync(Encoding.UTF8.GetBytes(input), cancellationToken);
            }

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

        return new CommandResult(ssh.ExitStatus ?? -1, await output, await error);
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
        var drained = reader.ReadToEndAsync(CancellationToken.None);
        return new AttachedProcess(firstLine, async () =>
        {
            try
            {
                // One byte first: SSH.NET sends end-of-file on dispose only after something was written.
                await input.WriteAsync("\n"u8.ToArray());
                await input.DisposeAsync();
                await Task.WhenAny(Task.WhenAll(execution, drained), Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None));
            }
            catch (Exception exception) when (exception is SshException or ObjectDisposedException or IOException or SocketException)
            {
                // The connection is gone, and the process with it.
            }
            finally
            {
                reader.Dispose();
                ssh.Dispose();
            }
        });
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        client.Dispose();
        route?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Reads a stream's raw bytes as UTF-8: a decoding reader would drop a byte order mark.</summary>
    private static async Task<string> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, CancellationToken.None);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
