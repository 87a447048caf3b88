using Infosync.Deploy.Deployment;

namespace Infosync.Deploy.Tests.Fakes;

/// <summary>
/// A health gate that gives a scripted verdict per call (null: healthy; once the script runs out, healthy) and passes
/// through the host as the step <c>gate SERVICE...</c>, so its place among the commands shows and a drop can hit it.
/// </summary>
public sealed class ScriptedGate(params string?[] verdicts) : IHealthGate
{
    public int Calls { get; private set; }

    public Task<string?> WaitAsync(ServiceContainers containers, IReadOnlyCollection<string> services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(containers);
        (containers.Host as FlowHost)?.Pass("gate " + string.Join(' ', services));
        return Next();
    }

    public Task<string?> WaitForTasksAsync(SwarmServices swarm, IReadOnlyDictionary<string, string> images, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(swarm);
        ArgumentNullException.ThrowIfNull(images);
        (swarm.Host as FlowHost)?.Pass("converge " + string.Join(' ', images.Select(pair => $"{pair.Key}={pair.Value}")));
        return Next();
    }

    private Task<string?> Next()
    {
        var verdict = Calls < verdicts.Length ? verdicts[Calls] : null;
        Calls++;
        return Task.FromResult(verdict);
    }
}
