using Cake.Core.Diagnostics;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>What the tasks do to one environment; each operation opens one connection to its server and closes it.</summary>
public sealed class EnvironmentOperations(InfosyncSettings settings, DeployEnvironment environment, ICakeLog log)
{
    private readonly DeployTarget target = settings.Targets[environment];

    /// <summary>Every secret of the run, for scrubbing text that comes back from servers.</summary>
    public Redactor Redactor { get; } = new([settings.Registry?.Password, .. settings.Targets.Values.SelectMany(t => t.Ssh.Secrets)]);

    /// <summary>Deploys <paramref name="tag"/> and prints the summary.</summary>
    public async Task DeployAsync(string tag, CancellationToken cancellationToken)
    {
        await using var host = await OpenAsync(cancellationToken);
        var result = await new Deployer(Session(host), settings.RequireRegistry(), settings.Origin)
            .SwitchAsync("deploy", tag, cancellationToken);
        DeploySummary.Write(log, result, host.IsPlan);
    }

    /// <summary>Rolls back to <paramref name="tag"/>, or to the tag deployed before the current one.</summary>
    public async Task RollbackAsync(string? tag, CancellationToken cancellationToken)
    {
        await using var host = await OpenAsync(cancellationToken);
        var registry = settings.RequireRegistry();
        tag ??= await RollbackTarget.FindAsync(host, target, registry, cancellationToken);
        log.Information("Rolling {0} back to {1}", environment, tag);
        var result = await new Deployer(Session(host), registry, settings.Origin)
            .SwitchAsync("rollback", tag, cancellationToken);
        DeploySummary.Write(log, result, host.IsPlan);
    }

    /// <summary>Prints what runs, the lock, and the last deployments.</summary>
    public async Task StatusAsync(CancellationToken cancellationToken)
    {
        await using var host = await OpenAsync(cancellationToken);
        await new StatusReport(host, target, settings.RequireRegistry(), log).WriteAsync(cancellationToken);
    }

    /// <summary>Removes the deploy lock, saying whose it was.</summary>
    public async Task UnlockAsync(CancellationToken cancellationToken)
    {
        await using var host = await OpenAsync(cancellationToken);
        var shown = await host.RunAsync(LockScripts.Describe(target.Directory), cancellationToken);
        var state = LockState.Parse(shown.StandardOutput);
        if (state is null && !host.IsPlan)
        {
            log.Information("{0} is not locked.", environment);
            return;
        }

        await host.RunAsync(LockScripts.Remove(target.Directory), cancellationToken);
        log.Warning("Removed the deploy lock of {0}{1}.", environment, state is null ? string.Empty : $", held by {state.Describe(DateTimeOffset.UtcNow)}");
    }

    private DeploySession Session(IRemoteHost host) =>
        new(host, target, log, Redactor, () => RemoteHosts.OpenAsync(target.Ssh, plan: false, log, Redactor, CancellationToken.None));

    private Task<IRemoteHost> OpenAsync(CancellationToken cancellationToken) =>
        RemoteHosts.OpenAsync(target.Ssh, settings.DryRun, log, Redactor, cancellationToken);
}
