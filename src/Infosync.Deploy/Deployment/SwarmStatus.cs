namespace Infosync.Deploy.Deployment;

/// <summary>How Status describes a service of a Swarm stack: its image, replicas running of desired, and each running task's node.</summary>
public static class SwarmStatus
{
    /// <summary>One line: <c>web: REPO:v2@sha256:…, 3/3 running (web.1 on node-1: Running 2 minutes ago; …)</c>.</summary>
    public static async Task<string> DescribeAsync(SwarmServices swarm, string service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(swarm);
        var state = await swarm.InspectAsync(service, cancellationToken);
        if (state is null)
        {
            return $"{service}: no Swarm service {swarm.NameOf(service)}";
        }

        var tasks = await swarm.TasksAsync(service, cancellationToken);
        var current = tasks.Where(task => task.DesiredState == "Running").ToList();
        var update = state.UpdateState is null ? string.Empty : $", update {state.UpdateState.Replace('_', ' ')}";
        return $"{service}: {Secrets.InertText.OneLine(state.Image)}, {current.Count(task => task.Running)}/{state.Replicas} running{update} " +
            $"({string.Join("; ", current.Select(task => task.Describe()))})";
    }
}
