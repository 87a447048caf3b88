using Infosync.Deploy.Commands;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// How the changed services move from their old containers to new ones once the files name the new images, and back
/// once the files are restored. The flow around it (lock, read, pull, write, record, restore, recover) is the same
/// whatever the strategy.
/// </summary>
public interface ISwitchStrategy
{
    /// <summary>Before any change: null when <paramref name="change"/>'s services can switch this way, else what to change so they can.</summary>
    Task<string?> CheckAsync(DeployRun run, ComposeChange change, CancellationToken cancellationToken);

    /// <summary>Puts <paramref name="change"/>'s services on the new images and waits for health; null when healthy, else why not.</summary>
    Task<string?> SwitchAsync(DeployRun run, ComposeChange change, CancellationToken cancellationToken);

    /// <summary>After a failed switch, with the files restored: the previous version serving again; null when healthy, else why not.</summary>
    Task<string?> RevertAsync(DeployRun run, ComposeChange change);
}

/// <summary>Today's strategy: recreate each changed service in place with the server's Compose (<c>up --detach --no-deps</c>).</summary>
public sealed class RecreateSwitch : ISwitchStrategy
{
    /// <inheritdoc/>
    public Task<string?> CheckAsync(DeployRun run, ComposeChange change, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <inheritdoc/>
    public Task<string?> SwitchAsync(DeployRun run, ComposeChange change, CancellationToken cancellationToken) =>
        RecreateAsync(run, change, cancellationToken);

    /// <inheritdoc/>
    public Task<string?> RevertAsync(DeployRun run, ComposeChange change) => RecreateAsync(run, change, CancellationToken.None);

    /// <summary>Recreates <paramref name="services"/> (by default the changed ones) and waits for the gate.</summary>
    internal static async Task<string?> RecreateAsync(DeployRun run, ComposeChange change, CancellationToken cancellationToken, IReadOnlyCollection<string>? services = null)
    {
        services ??= change.Services;
        if (services.Count == 0)
        {
            return null;
        }

        // Not cancellable, and detached on the server: a recreate stopped half-way, by us or by a dropped connection,
        // could leave a service with no container at all.
        var project = change.Before;
        var up = await run.Host.RunAsync(project.Cli.Up(project.Directory, project.FileArguments, services), CancellationToken.None);
        up.EnsureSuccess($"{project.Cli.Display} up of {string.Join(", ", services)} on {run.Host.Name}");
        return await run.Gate.WaitAsync(run.Containers(project), services, cancellationToken);
    }
}
