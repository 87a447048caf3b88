using Cake.Core.Diagnostics;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// One environment's server as a deploy works on it: the open host, the target, where output goes, the secrets
/// to scrub, and how to open a second connection when the first one drops.
/// </summary>
public sealed record DeploySession(
    IRemoteHost Host,
    DeployTarget Target,
    ICakeLog Log,
    Redactor Redactor,
    Func<Task<IRemoteHost>>? Reconnect = null)
{
    /// <summary>The environment's history on this host.</summary>
    public DeployHistory History => new(Host, Target.Directory);

    /// <summary>The health gate of the project's services on this host.</summary>
    internal HealthGate HealthGate(ComposeProject project) => new(Host, Containers(project), Target.Health, Log, Redactor);

    /// <summary>The project's containers on this host.</summary>
    internal ServiceContainers Containers(ComposeProject project) => new(Host, project.WorkingDirectories);

    /// <summary>Records a failed attempt and returns the exception that reports it in one line.</summary>
    internal async Task<DeployException> FailAsync(Attempt attempt, RunOrigin origin, Exception exception, string state)
    {
        var reason = exception is OperationCanceledException ? "cancelled" : Redactor.Redact(exception.Message);
        var message = $"{attempt.Action} of {attempt.To} to {Target.Environment} failed: {reason.TrimEnd('.')}; {state}.";
        if (!Host.IsPlan)
        {
            await History.AppendAsync(attempt.Entry(Target, origin, HistoryEntry.Failed, message));
        }

        return new DeployException(message, exception);
    }
}
