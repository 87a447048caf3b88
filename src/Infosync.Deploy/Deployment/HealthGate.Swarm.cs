using Cake.Core.Diagnostics;

namespace Infosync.Deploy.Deployment;

// Waiting for a Swarm update: Swarm replaces the tasks and gates them on their HEALTHCHECK itself; the gate watches
// until every replica runs the new image, and on failure names the node and the task, with the service's last logs.
public sealed partial class HealthGate
{
    /// <inheritdoc/>
    public async Task<string?> WaitForTasksAsync(SwarmServices swarm, IReadOnlyDictionary<string, string> images, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(swarm);
        ArgumentNullException.ThrowIfNull(images);
        var deadline = DateTimeOffset.UtcNow + settings.Timeout;
        var waiting = images.ToDictionary(pair => pair.Key, pair => new HealthVerdict(false, "not looked at yet", []), StringComparer.Ordinal);
        var unplaceableSince = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (waiting.Count > 0 && DateTimeOffset.UtcNow < deadline)
        {
            foreach (var (service, image) in images.Where(pair => waiting.ContainsKey(pair.Key)))
            {
                var state = await swarm.InspectAsync(service, cancellationToken);
                var tasks = await swarm.TasksAsync(service, cancellationToken);
                var now = DateTimeOffset.UtcNow;
                if (SwarmConvergence.Unplaceable(tasks) is null)
                {
                    unplaceableSince.Remove(service);
                }
                else
                {
                    unplaceableSince.TryAdd(service, now);
                }

                var verdict = SwarmConvergence.Judge(service, state, tasks, image, now - unplaceableSince.GetValueOrDefault(service, now));
                if (verdict.Healthy)
                {
                    waiting.Remove(service);
                }
                else if (verdict.Hopeless)
                {
                    return await DiagnoseAsync(swarm, service, verdict.Reason, string.Empty);
                }
                else
                {
                    waiting[service] = verdict;
                }
            }

            if (waiting.Count > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }

        return waiting.Count == 0 ? null : await DiagnoseAsync(swarm, waiting.Keys.First(), waiting.Values.First().Reason, $" within {settings.Timeout.TotalSeconds:0} s");
    }

    private async Task<string> DiagnoseAsync(SwarmServices swarm, string service, string reason, string within)
    {
        log.Error("Not converged{0}: {1}", within, reason);
        foreach (var task in (await swarm.TasksAsync(service, CancellationToken.None)).Take(10))
        {
            log.Error("  {0}", task.Describe());
        }

        log.Error("  last log lines of {0}:{1}{2}", swarm.NameOf(service), Environment.NewLine, redactor.Redact(await swarm.LogsAsync(service)));
        return $"not converged{within}: {reason}";
    }
}
