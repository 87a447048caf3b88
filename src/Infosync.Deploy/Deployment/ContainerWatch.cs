namespace Infosync.Deploy.Deployment;

/// <summary>
/// Judges containers across polls. With a HEALTHCHECK, Docker's health state decides. Without one, a container
/// counts as healthy once seen running with the same start time and restart count for the settle time, by this
/// machine's clock, so a skewed server clock cannot make a crash loop look healthy.
/// </summary>
public sealed class ContainerWatch(TimeSpan settle)
{
    private readonly Dictionary<string, (string StartedAt, int Restarts, DateTimeOffset Since)> stableSince = [];

    /// <summary>The verdict for this poll's states.</summary>
    public HealthVerdict Judge(IReadOnlyList<ContainerState> states, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0)
        {
            return new HealthVerdict(false, "the containers could not be inspected", []);
        }

        foreach (var state in states)
        {
            var problem = Problem(state, now);
            if (problem is not null)
            {
                return problem;
            }
        }

        return new HealthVerdict(true, "healthy", []);
    }

    private HealthVerdict? Problem(ContainerState state, DateTimeOffset now)
    {
        var name = state.DisplayName;
        if (state.Status is "exited" or "dead")
        {
            return new HealthVerdict(false, $"{name} stopped with exit code {state.ExitCode}", [], Hopeless: true);
        }

        if (state.Health == "unhealthy")
        {
            return new HealthVerdict(false, $"{name} is unhealthy", [], Hopeless: true);
        }

        var seen = (state.StartedAt, state.RestartCount);
        if (stableSince.TryGetValue(state.Id, out var earlier) && (earlier.StartedAt, earlier.Restarts) != seen)
        {
            return new HealthVerdict(false, $"{name} restarted ({state.RestartCount} restart(s))", [], Hopeless: true);
        }

        if (state.Status == "restarting")
        {
            return new HealthVerdict(false, $"{name} is restarting ({state.RestartCount} restart(s))", [], Hopeless: true);
        }

        if (!state.Running)
        {
            return new HealthVerdict(false, $"{name} is {state.Status}", []);
        }

        stableSince.TryAdd(state.Id, (state.StartedAt, state.RestartCount, now));
        if (state.Health is not null)
        {
            return state.Health == "healthy" ? null : new HealthVerdict(false, $"{name} is {state.Health}", []);
        }

        var running = now - stableSince[state.Id].Since;
        return running >= settle
            ? null
            : new HealthVerdict(false, $"{name} has run {running.TotalSeconds:0.0} s of the {settle.TotalSeconds:0} s settle time", []);
    }
}

/// <summary>One look at the new containers: healthy, or why not, and whether waiting longer could help.</summary>
public sealed record HealthVerdict(bool Healthy, string Reason, IReadOnlyList<string> ContainerIds, bool Hopeless = false);
