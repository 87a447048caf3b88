using Infosync.Deploy.Commands;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// How the changed services move from their old containers to new ones once the files name the new images, and back
/// once the files are restored. The flow around it (lock, read, pull, write, record, restore, recover) is the same
/// whatever the strategy.
/// </summary>
public interface ISwitchStrategy
{
    /// <summary>Puts <paramref name="change"/>'s services on the new images and waits for health; null when healthy, else why not.</summary>
    Task<string?> SwitchAsync(DeployRun run, ComposeChange change, CancellationToken cancellationToken);

    /// <summary>After a failed switch, with the files restored: the previous version serving again; null when healthy, else why not.</summary>
    Task<string?> RevertAsync(DeployRun run, ComposeChange change);
}

/// <summary>Today's strategy: recreate each changed service in place with the server's Compose (<c>up --detach --no-deps</c>).</summary>
public sealed class RecreateSwitch : ISwitchStrategy
{
    /// <inheritdoc/>
    public Task<string?> SwitchAsync(DeployRun run, ComposeChange change, CancellationToken cancellationToken) =>
        RecreateAsync(run, change, cancellationToken);

    /// <inheritdoc/>
    public Task<string?> RevertAsync(DeployRun run, ComposeChange change) => RecreateAsync(run, change, CancellationToken.None);

    private static async Task<string?> RecreateAsync(DeployRun run, ComposeChange change, CancellationToken cancellationToken)
    {
        if (change.Services.Count == 0)
        {
            return null;
        }

        // Not cancellable, and detached on the server: a recreate stopped half-way, by us or by a dropped connection,
        // could leave a service with no container at all.
        var project = change.Before;
        var up = await run.Host.RunAsync(project.Cli.Up(project.Directory, project.FileArguments, change.Services), CancellationToken.None);
        up.EnsureSuccess($"{project.Cli.Display} up of {string.Join(", ", change.Services)} on {run.Host.Name}");
        return await run.Gate.WaitAsync(run.Containers(project), change.Services, cancellationToken);
    }
}
