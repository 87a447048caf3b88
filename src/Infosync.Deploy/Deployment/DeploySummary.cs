using Cake.Core.Diagnostics;
using Infosync.Deploy.Compose;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>The lines a person reads after a deploy: environment, host, old tag → new tag, and how long it took.</summary>
public static class DeploySummary
{
    /// <summary>Writes the summary of <paramref name="result"/>.</summary>
    public static void Write(ICakeLog log, DeployResult result, bool plan)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(result);
        var verb = plan ? "Planned" : "Deployed";
        log.Information("{0} {1} on {2} in {3:0.0} s:", verb, result.Environment, result.Host, result.Elapsed.TotalSeconds);
        if (result.Changes.Count == 0)
        {
            log.Information("  no image tag changed; the services were pulled and recreated where needed");
        }

        foreach (var change in result.Changes)
        {
            log.Information("  {0}: {1} -> {2}{3}", change.Service, change.OldReference, change.NewReference,
                plan ? string.Empty : ", running and healthy");
        }
    }
}

/// <summary>What a finished deploy changed, for its summary.</summary>
public sealed record DeployResult(DeployEnvironment Environment, string Host, IReadOnlyList<ImageChange> Changes, TimeSpan Elapsed);
