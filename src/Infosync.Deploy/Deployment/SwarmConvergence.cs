namespace Infosync.Deploy.Deployment;

/// <summary>
/// Whether a service's update has converged: as many running tasks on the new image as replicas, and Swarm's update
/// completed. Swarm's "completed" alone is not enough (measured: it said so with a node down and 2 of 3 tasks
/// running), nor are running tasks alone (old ones run until replaced). A paused or rolled-back update cannot
/// converge by waiting; nor can a task no node can take, once that has lasted <see cref="NoNodeGrace"/>. A rollback
/// Swarm has started is waited for, not interrupted: the revert redeploys the stack as it was only once Swarm has
/// finished (measured on the rig: a redeploy in the middle of Swarm's rollback left a task no node would take).
/// </summary>
public static class SwarmConvergence
{
    /// <summary>
    /// How long a task no node can take is waited for. It is often brief: measured on the rig, a node whose engine
    /// restarted is Ready again before the manager lets go of its old tasks' host-mode ports.
    /// </summary>
    public static readonly TimeSpan NoNodeGrace = TimeSpan.FromSeconds(30);

    private static readonly string[] GivenUp = ["paused", "rollback_paused", "rollback_completed"];

    /// <summary>A task Swarm wants running that no node can take (a node down, a port or a constraint), if any.</summary>
    public static SwarmTask? Unplaceable(IReadOnlyList<SwarmTask> tasks) =>
        tasks.FirstOrDefault(task => task.DesiredState == "Running" && task.Error.Contains("no suitable node", StringComparison.Ordinal));

    /// <summary>The verdict for one look at a service; <paramref name="unplaceableFor"/> is how long a task of it has had no node.</summary>
    public static HealthVerdict Judge(string service, SwarmServiceState? state, IReadOnlyList<SwarmTask> tasks, string image, TimeSpan unplaceableFor = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (state is null)
        {
            return new HealthVerdict(false, $"the stack has no service {service}", []);
        }

        var failing = tasks.FirstOrDefault(task => task.Failed && task.Runs(image));
        var why = failing is null ? string.Empty : $"; task {failing.Describe()}";
        var message = string.IsNullOrEmpty(state.UpdateMessage) ? string.Empty : $" ({Secrets.InertText.OneLine(state.UpdateMessage)})";
        if (state.UpdateState is { } update && GivenUp.Contains(update))
        {
            return new HealthVerdict(false, $"Swarm's update of {service} ended {update.Replace('_', ' ')}{message}{why}", [], Hopeless: true);
        }

        if (Unplaceable(tasks) is { } stuck)
        {
            return new HealthVerdict(false, $"no node can take a task of {service} ({unplaceableFor.TotalSeconds:0} s so far): {stuck.Describe()}", [],
                Hopeless: unplaceableFor >= NoNodeGrace);
        }

        if (state.UpdateState == "rollback_started")
        {
            return new HealthVerdict(false, $"Swarm is rolling the update of {service} back{message}{why}", []);
        }

        var running = tasks.Count(task => task.Running && task.Runs(image));
        return running >= state.Replicas && state.UpdateState is null or "completed"
            ? new HealthVerdict(true, "converged", [])
            : new HealthVerdict(false, $"{running} of {state.Replicas} task(s) of {service} run {image}{why}", []);
    }
}
