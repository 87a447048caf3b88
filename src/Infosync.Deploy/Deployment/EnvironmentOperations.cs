using Cake.Core.Diagnostics;
using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// What the tasks do to one environment; each operation opens one connection to its server and closes it. This is where
/// a plan differs from a run: the host it opens prints instead of changing, and health is described instead of awaited.
/// </summary>
/// <param name="settings">The run's settings.</param>
/// <param name="environment">The environment operated on.</param>
/// <param name="log">Where output goes.</param>
/// <param name="redactor">The run's redactor; it learns the server's secret values as they are read.</param>
public sealed class EnvironmentOperations(InfosyncSettings settings, DeployEnvironment environment, ICakeLog log, Redactor redactor)
{
    private readonly DeployTarget target = settings.Targets[environment];

    /// <summary>Deploys <paramref name="tag"/> and prints the summary.</summary>
    public async Task DeployAsync(string tag, CancellationToken cancellationToken)
    {
        await using var host = await OpenAsync(cancellationToken);
        var flow = await FlowAsync(host, cancellationToken);
        var result = await flow.RunAsync(DeployAction.Deploy, tag, null, cancellationToken);
        DeploySummary.Write(log, result, settings.DryRun);
    }

    /// <summary>Rolls back to <paramref name="tag"/>, or to the image that ran before the current one.</summary>
    public async Task RollbackAsync(string? tag, CancellationToken cancellationToken)
    {
        await using var host = await OpenAsync(cancellationToken);
        var point = tag is null ? await RollbackTarget.FindAsync(host, target, settings.RequireRegistry(), cancellationToken) : new RollbackPoint(tag, null, null);
        log.Information("Rolling {0} back to {1}", environment, point.Display);
        var flow = await FlowAsync(host, cancellationToken);
        var result = await flow.RunAsync(DeployAction.Rollback, point.Tag, point, cancellationToken);
        DeploySummary.Write(log, result, settings.DryRun);
    }

    /// <summary>Prints what runs, the lock, and the last deployments.</summary>
    public async Task StatusAsync(CancellationToken cancellationToken)
    {
        await using var host = await OpenAsync(cancellationToken);
        var resolved = await OrchestratorDetection.ResolveAsync(host, target, log, cancellationToken);
        await new StatusReport(host, resolved, settings.RequireRegistry(), log).WriteAsync(cancellationToken);
    }

    /// <summary>Removes the deploy lock, saying whose it was.</summary>
    public async Task UnlockAsync(CancellationToken cancellationToken)
    {
        await using var host = await OpenAsync(cancellationToken);
        var shown = await host.RunAsync(LockCommands.Describe(target.Directory), cancellationToken);
        var state = LockState.Parse(shown.StandardOutput);
        if (state is null && shown.Succeeded)
        {
            log.Information("{0} is not locked.", environment);
            return;
        }

        await host.RunAsync(LockCommands.Remove(target.Directory), cancellationToken);
        log.Warning("Removed the deploy lock of {0}{1}.", environment, state is null ? string.Empty : $", held by {state.Describe(DateTimeOffset.UtcNow)}");
    }

    private async Task<DeployFlow> FlowAsync(IRemoteHost host, CancellationToken cancellationToken)
    {
        var resolved = await OrchestratorDetection.ResolveAsync(host, target, log, cancellationToken);
        IHealthGate gate = settings.DryRun ? new PlannedHealthGate(resolved.Health, log) : new HealthGate(resolved.Health, log, redactor);
        Func<Task<IRemoteHost>>? reconnect = settings.DryRun ? null : () => RemoteHosts.OpenAsync(resolved.Ssh, plan: false, log, redactor, CancellationToken.None);
        var run = new DeployRun(host, resolved, settings.RequireRegistry(), settings.Origin, log, redactor, gate, reconnect);
        return new DeployFlow(run, Strategy(resolved.Switch));
    }

    private ISwitchStrategy Strategy(SwitchSettings switching)
    {
        if (switching.Kind == SwitchKind.Recreate)
        {
            return new RecreateSwitch();
        }

        if (switching.Kind == SwitchKind.Swarm)
        {
            log.Information("Orchestrator: Docker Swarm (stack {0}; Swarm replaces the tasks as each service's deploy.update_config says)", switching.Stack!);
            return new SwarmSwitch(switching.Stack!);
        }

        log.Information("Switch strategy: rolling (new containers start beside the old ones; the old ones stop {0:0} s after the new ones are healthy)",
            switching.DrainTime.TotalSeconds);
        return new RollingSwitch(switching.DrainTime);
    }

    private Task<IRemoteHost> OpenAsync(CancellationToken cancellationToken) =>
        RemoteHosts.OpenAsync(target.Ssh, settings.DryRun, log, redactor, cancellationToken);
}
