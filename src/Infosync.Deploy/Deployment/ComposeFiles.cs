using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>Reads and atomically writes an environment's compose file and <c>.env</c>, keeping a backup of the compose file.</summary>
public sealed class ComposeFiles(IRemoteHost host, DeployTarget target)
{
    /// <summary>The compose file's path on the server.</summary>
    public string ComposePath => target.ComposeFile;

    /// <summary>The <c>.env</c> file's path on the server.</summary>
    public string EnvPath => $"{target.Directory}/.env";

    /// <summary>The backup written beside the compose file before it is changed.</summary>
    public string BackupPath => $"{target.ComposeFile}.bak";

    /// <summary>Reads both files; throws when the compose file is missing or unreadable.</summary>
    public async Task<ComposeSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var compose = await RemoteFiles.ReadAsync(host, ComposePath, cancellationToken)
            ?? throw new DeployException($"There is no {ComposePath} on {host.Name}.");
        var env = await RemoteFiles.ReadAsync(host, EnvPath, cancellationToken);
        return new ComposeSnapshot(compose, env);
    }

    /// <summary>
    /// Writes the backup of <paramref name="current"/>, then every file that differs from it. Not cancellable:
    /// a write stopped half-way is what the atomic rename exists to prevent.
    /// </summary>
    public async Task WriteAsync(ComposeSnapshot current, ComposeSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        await RemoteFiles.WriteAsync(host, BackupPath, current.ComposeText, CancellationToken.None);
        await WriteChangedAsync(current, next);
    }

    /// <summary>Puts <paramref name="original"/> back, byte for byte, over whatever <paramref name="written"/> left.</summary>
    public async Task RestoreAsync(ComposeSnapshot written, ComposeSnapshot original)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(original);
        await WriteChangedAsync(written, original);
    }

    private async Task WriteChangedAsync(ComposeSnapshot current, ComposeSnapshot next)
    {
        if (next.EnvText != current.EnvText)
        {
            if (next.EnvText is null)
            {
                (await host.RunAsync(RemoteCommand.Change(CommandLine.For("rm").Add("-f", "--", EnvPath)), CancellationToken.None))
                    .EnsureSuccess($"Removing {EnvPath} on {host.Name}");
            }
            else
            {
                await RemoteFiles.WriteAsync(host, EnvPath, next.EnvText, CancellationToken.None);
            }
        }

        if (next.ComposeText != current.ComposeText)
        {
            await RemoteFiles.WriteAsync(host, ComposePath, next.ComposeText, CancellationToken.None);
        }
    }
}
