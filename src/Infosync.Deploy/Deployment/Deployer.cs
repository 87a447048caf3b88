using System.Diagnostics;
using Cake.Core.Diagnostics;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// Moves an environment to a tag, safely: lock, read the compose file, pull while the old containers serve,
/// write the file atomically, recreate only the changed services, wait for health, and on any failure put the
/// file back byte for byte and bring the previous image up again. Every attempt is recorded on the server.
/// </summary>
public sealed class Deployer(IRemoteHost host, DeployTarget target, RegistrySettings registry, RunOrigin origin, ICakeLog log, Redactor redactor)
{
    private readonly DeployHistory history = new(host, target.Directory);

    /// <summary>Deploys (<paramref name="action"/> <c>deploy</c>) or rolls back (<c>rollback</c>) to <paramref name="tag"/>.</summary>
    public async Task<DeployResult> SwitchAsync(string action, string tag, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var holder = new LockHolder(origin.Who, action, tag, DateTimeOffset.UtcNow, origin.PipelineUrl, origin.JobUrl);
        await using var held = await DeployLock.AcquireAsync(host, target, holder, log, cancellationToken);
        var compose = await ServerCompose.DetectAsync(host, log, cancellationToken);
        var files = new ComposeFiles(host, target);
        var before = await ReadAsync(files, cancellationToken);
        if (before is null)
        {
            await new BlindPlan(host, target, registry, compose, log).PrintAsync(tag, cancellationToken);
            return new DeployResult(target.Environment, host.Name, [], clock.Elapsed);
        }

        var change = ComposeChange.Plan(before, registry.Repository, tag, files);
        log.Information("{0}", change.Diff);
        var images = new ServerImages(host, registry, log, redactor);
        var attempt = new Attempt(action, change.From, $"{registry.Repository}:{tag}", clock);
        try
        {
            await images.LoginAsync(cancellationToken);
            await images.PullAsync(change.NewImages, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (Exception exception) when (exception is not RemoteHostException)
        {
            throw await FailAsync(attempt, exception, $"nothing was changed; {target.Environment} still runs {change.From}");
        }

        var gate = new HealthGate(host, compose, files.ComposePath, target.Health, log, redactor);
        try
        {
            await files.WriteAsync(before, change.After);
            cancellationToken.ThrowIfCancellationRequested();
            await ServerCompose.UpAsync(host, compose, files.ComposePath, change.Services);
            var problem = await gate.WaitAsync(change.Services, cancellationToken);
            if (problem is not null)
            {
                throw new DeployException(problem);
            }
        }
        catch (Exception exception) when (exception is not RemoteHostException)
        {
            var restored = await new Restorer(host, compose, files, gate, log).RestoreAsync(change.After, before, change.Services);
            throw await FailAsync(attempt, exception, restored);
        }

        var to = await images.WithDigestAsync(attempt.To);
        await history.AppendAsync(attempt.Entry(target, origin, HistoryEntry.Succeeded, await images.WithDigestAsync(change.From), to));
        await images.PruneAsync([tag, DeployHistory.TagOf(change.From) ?? tag]);
        return new DeployResult(target.Environment, host.Name, change.Changes, clock.Elapsed);
    }

    private async Task<ComposeSnapshot?> ReadAsync(ComposeFiles files, CancellationToken cancellationToken)
    {
        if (host is PlanRemoteHost { CanRead: false })
        {
            return null;
        }

        return await files.ReadAsync(cancellationToken);
    }

    private async Task<DeployException> FailAsync(Attempt attempt, Exception exception, string state)
    {
        var reason = exception is OperationCanceledException ? "cancelled" : redactor.Redact(exception.Message);
        var message = $"{attempt.Action} of {attempt.To} to {target.Environment} failed: {reason.TrimEnd('.')}; {state}.";
        if (!host.IsPlan)
        {
            await history.AppendAsync(attempt.Entry(target, origin, HistoryEntry.Failed, attempt.From, attempt.To, message));
        }

        return new DeployException(message, exception);
    }
}
