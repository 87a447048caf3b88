using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Commands;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// Zero-downtime switch behind a proxy that finds the service's containers by name on their Compose network: start
/// the new containers beside the old ones (<c>up --no-recreate --scale svc=2N</c>), gate the new ones alone, give the
/// proxy the drain time to send requests to them, then stop the old ones (SIGTERM, the service's stop grace period to
/// finish their requests) and remove them by id. Compose cannot scale back down by itself: it would remove the newest
/// container, the new version. A failed gate removes the new containers; the old ones never stopped.
/// One instance serves one run: it remembers the old containers for the revert, also over a second connection.
/// </summary>
public sealed class RollingSwitch(TimeSpan drainTime) : ISwitchStrategy
{
    private readonly Dictionary<string, IReadOnlyList<string>> oldContainers = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, TimeSpan> grace = new Dictionary<string, TimeSpan>();

    /// <inheritdoc/>
    public async Task<string?> CheckAsync(DeployRun run, ComposeChange change, CancellationToken cancellationToken)
    {
        var project = change.Before;
        if (change.Services.Count == 0 || !project.IsRead)
        {
            return null;
        }

        if (project.Cli.Version < 2)
        {
            return $"the rolling strategy needs Compose v2 (docker compose) to start a container beside another of its service, " +
                $"and {run.Host.Name} has only {project.Cli.Display}; install Compose v2, or deploy with --strategy=recreate";
        }

        var config = await run.Host.RunAsync(project.Cli.Config(project.Directory, project.FileArguments), cancellationToken);
        if (!config.Succeeded)
        {
            return $"{project.Cli.Display} config could not read the project in {project.Directory}: {config.Tail()}";
        }

        (var refusal, grace) = RollingCheck.Judge(config.StandardOutput, change.Services);
        return refusal;
    }

    /// <inheritdoc/>
    public async Task<string?> SwitchAsync(DeployRun run, ComposeChange change, CancellationToken cancellationToken)
    {
        var project = change.Before;
        var containers = run.Containers(project);
        var down = new List<string>();
        foreach (var service in change.Services)
        {
            if (!await StartBesideAsync(run, project, service, cancellationToken))
            {
                down.Add(service);
            }
        }

        // A service with no running container has nothing to keep serving: it is simply recreated.
        if (down.Count > 0 && await RecreateSwitch.RecreateAsync(run, change, cancellationToken, down) is { } downProblem)
        {
            return downProblem;
        }

        var rolled = oldContainers.Keys.ToList();
        if (rolled.Count == 0)
        {
            return null;
        }

        if (await run.Gate.WaitAsync(containers.Except(oldContainers.Values.SelectMany(ids => ids)), rolled, cancellationToken) is { } problem)
        {
            return problem;
        }

        if (drainTime > TimeSpan.Zero)
        {
            (await run.Host.RunAsync(RolloutCommands.Drain(drainTime), CancellationToken.None)).EnsureSuccess($"the drain wait on {run.Host.Name}");
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var service in rolled)
        {
            await StopAndRemoveAsync(run, service, oldContainers[service], "old");
        }

        return null;
    }

    /// <inheritdoc/>
    public async Task<string?> RevertAsync(DeployRun run, ComposeChange change)
    {
        var project = change.Before;
        await run.Host.RunAsync(ComposeCli.AwaitEarlierUp(project.Directory), CancellationToken.None);
        var containers = run.Containers(project);
        var recreate = new List<string>();
        foreach (var service in change.Services)
        {
            var states = await containers.OfAsync(service, CancellationToken.None);
            if (!oldContainers.TryGetValue(service, out var old) || states.Count(state => old.Contains(state.Id) && state.Running) < old.Count)
            {
                recreate.Add(service);
                continue;
            }

            // The proxy may already send requests to a new container that is not yet healthy: it drains like an old one.
            if (states.Select(state => state.Id).Except(old).ToList() is { Count: > 0 } added)
            {
                await StopAndRemoveAsync(run, service, added, "new");
            }
        }

        return recreate.Count > 0
            ? await RecreateSwitch.RecreateAsync(run, change, CancellationToken.None, recreate)
            : await run.Gate.WaitAsync(containers, change.Services, CancellationToken.None);
    }

    private async Task StopAndRemoveAsync(DeployRun run, string service, IReadOnlyList<string> containers, string which)
    {
        var stop = grace.TryGetValue(service, out var period) ? period : RollingCheck.DefaultGrace;
        (await run.Host.RunAsync(RolloutCommands.Stop(containers, stop), CancellationToken.None)).EnsureSuccess($"stopping the {which} {service} on {run.Host.Name}");
        (await run.Host.RunAsync(RolloutCommands.Remove(containers, force: true), CancellationToken.None)).EnsureSuccess($"removing the {which} {service} on {run.Host.Name}");
    }

    // Notes the running containers and starts as many new ones beside them; false when none runs.
    private async Task<bool> StartBesideAsync(DeployRun run, ComposeProject project, string service, CancellationToken cancellationToken)
    {
        var states = await run.Containers(project).OfAsync(service, cancellationToken);
        var running = states.Where(state => state.Running).Select(state => state.Id).ToList();
        if (running.Count == 0)
        {
            return false;
        }

        // A stopped container of the service would be started again, old image and all, instead of a new one.
        if (states.Where(state => !state.Running).Select(state => state.Id).ToList() is { Count: > 0 } stopped)
        {
            (await run.Host.RunAsync(RolloutCommands.Remove(stopped, force: false), cancellationToken)).EnsureSuccess($"removing stopped {service} containers");
        }

        oldContainers[service] = running;
        var up = await run.Host.RunAsync(project.Cli.StartBeside(project.Directory, project.FileArguments, service, 2 * running.Count), CancellationToken.None);
        up.EnsureSuccess($"{project.Cli.Display} up of a new {service} beside the old on {run.Host.Name}");
        return true;
    }
}
