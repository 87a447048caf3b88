using System.Diagnostics;
using System.Text;
using Infosync.Deploy.Commands;

namespace Infosync.Deploy.Remote;

/// <summary>
/// This machine as the server (SSH host <c>local</c>, e.g. a GitLab runner that runs on the dev server):
/// the same shell lines as over SSH, run by <c>/bin/sh -c</c>.
/// </summary>
public sealed class LocalShellHost : IRemoteHost
{
    /// <inheritdoc/>
    public string Name => "local";


    /// <inheritdoc/>
    public async Task<CommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var process = Start(command);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(command.Timeout);
        // Raw bytes both ways: a reader or writer with an encoding would strip or add a byte order mark.
        var output = ReadAllAsync(process.StandardOutput.BaseStream);
        var error = ReadAllAsync(process.StandardError.BaseStream);
        try
        {
            await using var input = process.StandardInput.BaseStream;
            var text = command.Command.StandardInput?.Reveal() ?? command.Input ?? string.Empty;
            await input.WriteAsync(Encoding.UTF8.GetBytes(text), CancellationToken.None);
        }
        catch (IOException)
        {
            // The command ended without reading all its input (a script that refused at once): its exit status says why.
        }

        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw cancellationToken.IsCancellationRequested
                ? new OperationCanceledException(cancellationToken)
                : new RemoteHostException($"'{command.Display}' did not finish within {command.Timeout.TotalSeconds:0} s.");
        }

        return new CommandResult(process.ExitCode, await output, await error);
    }

    /// <inheritdoc/>
    public async Task<AttachedProcess> StartAttachedAsync(RemoteCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var process = Start(command);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(command.Timeout);
        var firstLine = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? string.Empty;
        return new AttachedProcess(firstLine, async () =>
        {
            process.StandardInput.Close();
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
            process.Dispose();
        });
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task<string> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, CancellationToken.None);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Process Start(RemoteCommand command)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command.Command.ToShell());
        return Process.Start(start) ?? throw new RemoteHostException("Could not start /bin/sh.");
    }
}
