using System.Diagnostics;
using Cake.Core.Diagnostics;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// One environment's server as a run works on it: the open host, the environment, the registry, who started the run,
/// where output goes, the secrets to scrub, how health is judged (or, in a plan, described), and how to reach the
/// server again when the connection drops (null where no second connection may be opened, as in a plan).
/// </summary>
public sealed record DeployRun(
    IRemoteHost Host,
    DeployTarget Target,
    RegistrySettings Registry,
    RunOrigin Origin,
    ICakeLog Log,
    Redactor Redactor,
    IHealthGate Gate,
    Func<Task<IRemoteHost>>? Reconnect)
{
    /// <summary>The environment's history on this host.</summary>
    public DeployHistory History => new(Host, Target.Directory);

    /// <summary>The project's files on this host.</summary>
    public ComposeFiles Files => new(Host, Target);

    /// <summary>The registry's images on this host.</summary>
    public ServerImages Images => new(Host, Registry, Log, Redactor);

    /// <summary>The project's containers on this host.</summary>
    public ServiceContainers Containers(ComposeProject project) => new(Host, project.WorkingDirectories);
}

/// <summary>One deploy or rollback under way: what it moves from (once known) and to, and since when.</summary>
internal sealed record Attempt(DeployAction Action, string? From, string To, Stopwatch Clock)
{
    /// <summary>The image id the services ran before, once known.</summary>
    public string? FromImage { get; init; }

    /// <summary>How output names the attempt: <c>deploy of repo:v2 to dev</c>.</summary>
    public string Describe(DeployRun run) => $"{Action.Word()} of {To} to {run.Target.Environment}";

    public HistoryEntry Failed(DeployRun run, string message) => Entry(run, DeployOutcome.Failed, From, To, message, null);

    public HistoryEntry Succeeded(DeployRun run, string to, string? toImage) => Entry(run, DeployOutcome.Succeeded, From, to, null, toImage);

    private HistoryEntry Entry(DeployRun run, DeployOutcome outcome, string? from, string to, string? message, string? toImage) =>
        new(DateTimeOffset.UtcNow, run.Target.Environment.Name, Action.Word(), from, to, outcome.Word(),
            Math.Round(Clock.Elapsed.TotalSeconds, 1), run.Origin.Who, run.Origin.PipelineUrl ?? run.Origin.JobUrl, message, FromImage, toImage);
}
