using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Deployment;

/// <summary>Reads and replaces a server's small files with <see cref="FileCommands"/>, turning their exit statuses into errors.</summary>
public static class RemoteFiles
{
    /// <summary>Reads the file; null when it does not exist; throws when it cannot be read.</summary>
    public static async Task<ServerFile?> ReadAsync(IRemoteHost host, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var result = await host.RunAsync(FileCommands.Read(path), cancellationToken);
        if (result.ExitCode == FileCommands.Missing)
        {
            return null;
        }

        var base64 = result.EnsureSuccess($"Reading {path} on {host.Name}").StandardOutput.Trim();
        try
        {
            return new ServerFile(path, Convert.FromBase64String(base64));
        }
        catch (FormatException exception)
        {
            throw new DeployException($"Reading {path} on {host.Name} gave no file: {exception.Message}");
        }
    }

    /// <summary>Replaces the file; throws when it could not, and then the file is as it was.</summary>
    public static async Task WriteAsync(IRemoteHost host, ServerFile? current, ServerFile next)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(next);
        Check(await host.RunAsync(FileCommands.Write(current, next), CancellationToken.None), $"Writing {next.Path} on {host.Name}");
    }

    /// <summary>Puts the original back; throws when it could not, saying why.</summary>
    public static async Task RestoreAsync(IRemoteHost host, ServerFile written, ServerFile? original)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(written);
        Check(await host.RunAsync(FileCommands.Restore(written, original), CancellationToken.None), $"Restoring {written.Path} on {host.Name}");
    }

    private static void Check(CommandResult result, string what)
    {
        if (result.ExitCode == FileCommands.ChangedSinceRead)
        {
            throw new FileChangedException($"{what} stopped: {result.Tail()}");
        }

        result.EnsureSuccess(what);
    }
}
