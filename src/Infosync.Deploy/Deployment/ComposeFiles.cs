using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Compose;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// Reads an environment's Compose project the way Compose finds it, and writes and restores the files a deploy
/// changes: each write only over the bytes that were read, with a backup beside it made from the bytes on disk.
/// </summary>
public sealed class ComposeFiles(IRemoteHost host, DeployTarget target)
{
    /// <summary>
    /// Reads the project: which Compose runs it, which files it uses there, their bytes, <c>.env</c>, the project name;
    /// <see cref="ComposeProject.Unread"/> when the host could not be asked (a plan without a connection).
    /// </summary>
    /// <exception cref="DeployException">The server has no Compose, or the directory or a compose file is missing.</exception>
    /// <exception cref="ComposeEditException">Compose would not find its files there, or a file cannot be read.</exception>
    public async Task<ComposeProject> ReadAsync(CancellationToken cancellationToken)
    {
        var detected = await host.RunAsync(ComposeCli.Detect, cancellationToken);
        if (detected == CommandResult.NotRead)
        {
            return ComposeProject.Unread(target.Directory);
        }

        var cli = ComposeCli.FromDetection(detected.EnsureSuccess($"Looking for Compose on {host.Name}").StandardOutput)
            ?? throw new DeployException($"{host.Name} has neither 'docker compose' (v2) nor 'docker-compose' (v1) that its user may run.");
        var probed = await host.RunAsync(FileCommands.Probe(target.Directory), cancellationToken);
        if (probed.ExitCode == FileCommands.NoDirectory)
        {
            throw new DeployException($"The deploy directory {target.Directory} does not exist on {host.Name}.");
        }

        var probe = ProjectProbe.Parse(probed.EnsureSuccess($"Looking into {target.Directory} on {host.Name}").StandardOutput, target.Directory);
        var env = await RemoteFiles.ReadAsync(host, $"{target.Directory}/.env", cancellationToken);
        var list = FileList(probe, env);
        var files = new List<ServerFile>();
        foreach (var name in ComposeFileLookup.Choose(cli.Version, target.Directory, list, probe.Existing))
        {
            files.Add(await RemoteFiles.ReadAsync(host, $"{target.Directory}/{name}", cancellationToken)
                ?? throw new DeployException($"{list?.Origin ?? "Compose"} names {name}, which is not in {target.Directory} on {host.Name}."));
        }

        var sources = files.Select(file => new ComposeSource(file.Name, file.Text)).ToList();
        var projectName = ComposeProjectName.For(cli.Version, probe.Variable("COMPOSE_PROJECT_NAME", env?.Text),
            cli.Version >= 2 ? ProjectImages.Name(sources, env?.Text) : null, target.Directory, probe.PhysicalDirectory);
        return new ComposeProject(target.Directory, probe.PhysicalDirectory, cli, files, env, target.ComposeFiles is not null, projectName);
    }

    /// <summary>
    /// Writes every changed file, each only if it still holds what was read, keeping its backup; when one cannot be
    /// written, the ones written before it are put back, so the files change all together or not at all. Not
    /// cancellable: a write stopped half-way is what the atomic rename exists to prevent.
    /// </summary>
    /// <exception cref="FileChangedException">A file was changed on the server since it was read.</exception>
    public async Task WriteAsync(ComposeChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var written = new List<FileWrite>();
        try
        {
            foreach (var write in change.Writes)
            {
                await RemoteFiles.WriteAsync(host, write.Before, write.After);
                written.Add(write);
            }
        }
        catch (Exception exception) when (exception is DeployException or CommandFailedException && written.Count > 0)
        {
            try
            {
                await RestoreAsync(change with { Writes = written });
            }
            catch (DeployException undo)
            {
                throw new DeployException($"{exception.Message.TrimEnd('.')}; putting back the files written before it failed too: {undo.Message}", exception);
            }

            throw;
        }
    }

    /// <summary>
    /// Puts every file of <paramref name="change"/> back, byte for byte, where it holds what the deploy wrote (a file
    /// never written is already as it was). A file someone else changed meanwhile is left alone and reported.
    /// </summary>
    public async Task RestoreAsync(ComposeChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var problems = new List<string>();
        foreach (var write in change.Writes.Reverse())
        {
            try
            {
                await RemoteFiles.RestoreAsync(host, write.After, write.Before);
            }
            catch (Exception exception) when (exception is DeployException or CommandFailedException)
            {
                problems.Add(exception.Message.TrimEnd('.'));
            }
        }

        if (problems.Count > 0)
        {
            throw new DeployException(string.Join("; ", problems));
        }
    }

    private ComposeFileList? FileList(ProjectProbe probe, ServerFile? env)
    {
        if (target.ComposeFiles is { } setting)
        {
            return new ComposeFileList(setting, ComposeFileList.DefaultSeparator, SettingNames.ComposeFile(target.Environment).Display);
        }

        var value = probe.Variable("COMPOSE_FILE", env?.Text);
        return value is null ? null : new ComposeFileList(value,
            probe.Variable("COMPOSE_PATH_SEPARATOR", env?.Text) ?? ComposeFileList.DefaultSeparator,
            probe.Environment.ContainsKey("COMPOSE_FILE") ? "COMPOSE_FILE in the server's environment" : "COMPOSE_FILE in .env");
    }
}
