using Infosync.Deploy.Catalogue;
using Cake.Core.Diagnostics;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>What the tasks do to one environment; each operation opens one connection to its server and closes it.</summary>
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
        var result = await new Deployer(Session(host), settings.RequireRegistry(), settings.Origin)
            .SwitchAsync("deploy", tag, cancellationToken);
        DeploySummary.Write(log, result, host.IsPlan);
    }

    /// <summary>Rolls back to <paramref name="tag"/>, or to the image that ran before the current one.</summary>
    public async Task RollbackAsync(string? tag, CancellationToken cancellationToken)
    {
        await using var host = await OpenAsync(cancellationToken);
        var registry = settings.RequireRegistry();
        var point = tag is null ? await RollbackTarget.FindAsync(host, target, registry, log, cancellationToken) : new RollbackPoint(tag, null, null);
        log.Information("Rolling {0} back to {1}", environment, point.Display);
        var result = await new Deployer(Session(host), registry, settings.Origin)
            .SwitchAsync("rollback", point.Tag, cancellationToken, point);
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
        var shown = await host.RunAsync(LockCommands.Describe(target.Directory), cancellationToken);
        var state = LockState.Parse(shown.StandardOutput);
        if (state is null && !host.IsPlan)
        {
            log.Information("{0} is not locked.", environment);
            return;
        }

        await host.RunAsync(LockCommands.Remove(target.Directory), cancellationToken);
        log.Warning("Removed the deploy lock of {0}{1}.", environment, state is null ? string.Empty : $", held by {state.Describe(DateTimeOffset.UtcNow)}");
    }

    private DeploySession Session(IRemoteHost host) =>
        new(host, target, log, redactor, () => RemoteHosts.OpenAsync(target.Ssh, plan: false, log, redactor, CancellationToken.None));

    private Task<IRemoteHost> OpenAsync(CancellationToken cancellationToken) =>
        RemoteHosts.OpenAsync(target.Ssh, settings.DryRun, log, redactor, cancellationToken);
}
