using Cake.Core.Diagnostics;
using System.Globalization;
using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Secrets;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// An environment whose server is a Docker Swarm manager: the files are edited as for Compose, then the stack file
/// rendered from Compose's merged project (<see cref="StackFile"/>) is deployed with <c>docker stack deploy
/// --with-registry-auth</c>, and Swarm replaces the tasks on every node as the services' <c>update_config</c> says.
/// The gate waits until every replica runs the new image. The revert deploys the stack as it was before, which also
/// undoes an update Swarm paused, and waits for that. The stack file is rendered once, before any change, and shown:
/// what is deployed is what the plan showed.
/// </summary>
public sealed class SwarmSwitch(string stack) : ISwitchStrategy
{
    private string before = string.Empty;
    private string after = string.Empty;

    /// <inheritdoc/>
    public async Task<string?> CheckAsync(DeployRun run, ComposeChange change, CancellationToken cancellationToken)
    {
        var project = change.Before;
        if (change.Services.Count == 0 || !project.IsRead)
        {
            return null;
        }

        var role = (await run.Host.RunAsync(StackCommands.NodeRole, cancellationToken)).StandardOutput.Trim().Split(' ');
        if (role is not ["active", "true", var count] || !int.TryParse(count, CultureInfo.InvariantCulture, out var nodes))
        {
            return $"the environment is a Swarm (ORCHESTRATOR=swarm), but the Docker of {run.Host.Name} is not a swarm manager " +
                $"(swarm state: {Secrets.InertText.OneLine(role[0])}); deploy to a manager node, or set ORCHESTRATOR=compose";
        }

        if (project.Cli.Version < 2)
        {
            return $"a Swarm deploy renders the stack file with Compose v2 (docker compose config), and {run.Host.Name} has only {project.Cli.Display}";
        }

        var config = await run.Host.RunAsync(project.Cli.Config(project.Directory, project.FileArguments), cancellationToken);
        if (!config.Succeeded)
        {
            return $"{project.Cli.Display} config could not read the project in {project.Directory}: {config.Tail()}";
        }

        var images = change.Changes.GroupBy(image => image.Service).ToDictionary(group => group.Key, group => group.Last().NewReference, StringComparer.Ordinal);
        (var refusal, before, after) = StackFile.Render(config.StandardOutput, images, nodes);
        if (refusal is null)
        {
            run.Log.Information("Stack {0} on {1} swarm node(s), as docker stack deploy gets it (rendered from Compose's merged project):{2}{3}",
                stack, nodes, Environment.NewLine, after);
        }

        return refusal;
    }

    /// <inheritdoc/>
    public Task<string?> SwitchAsync(DeployRun run, ComposeChange change, CancellationToken cancellationToken) =>
        DeployAsync(run, after, change.Changes.ToDictionary(image => image.Service, image => image.NewReference, StringComparer.Ordinal), cancellationToken);

    /// <inheritdoc/>
    public Task<string?> RevertAsync(DeployRun run, ComposeChange change) =>
        before.Length == 0
            ? Task.FromResult<string?>(null)
            : DeployAsync(run, before, change.Changes.ToDictionary(image => image.Service, image => image.OldReference, StringComparer.Ordinal), CancellationToken.None);

    private async Task<string?> DeployAsync(DeployRun run, string stackFile, Dictionary<string, string> images, CancellationToken cancellationToken)
    {
        if (images.Count == 0)
        {
            return null;
        }

        // Not cancellable: the manager carries the update on by itself, and the revert needs to know it was sent.
        var deployed = await run.Host.RunAsync(StackCommands.Deploy(stack, new Secret(stackFile)), CancellationToken.None);
        deployed.EnsureSuccess($"docker stack deploy of {stack} on {run.Host.Name}");
        return await run.Gate.WaitForTasksAsync(new SwarmServices(run.Host, stack), images, cancellationToken);
    }
}
