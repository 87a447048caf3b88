using System.Diagnostics;
using Cake.Core.Diagnostics;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// Moves an environment to a tag, safely: lock, read the compose file, pull while the old containers serve,
/// write the file atomically, recreate only the changed services, wait for health, and on any failure put the
/// file back byte for byte and bring the previous image up again; when the connection drops, a second one does
/// that clean-up. Every attempt is recorded on the server.
/// </summary>
public sealed class Deployer(DeploySession session, RegistrySettings registry, RunOrigin origin)
{
    private readonly IRemoteHost host = session.Host;
    private readonly DeployTarget target = session.Target;

    /// <summary>Deploys (<paramref name="action"/> <c>deploy</c>) or rolls back (<c>rollback</c>) to <paramref name="tag"/>.</summary>
    public async Task<DeployResult> SwitchAsync(string action, string tag, CancellationToken cancellationToken)
    {
        var attempt = new Attempt(action, null, $"{registry.Repository}:{tag}", Stopwatch.StartNew());
        await using var held = await LockAsync(attempt, cancellationToken);
        var compose = await ServerCompose.DetectAsync(host, session.Log, cancellationToken);
        var files = new ComposeFiles(host, target);
        var before = host is PlanRemoteHost { CanRead: false } ? null : await files.ReadAsync(cancellationToken);
        if (before is null)
        {
            await new BlindPlan(host, target, registry, compose, session.Log).PrintAsync(tag, cancellationToken);
            return new DeployResult(target.Environment, host.Name, [], attempt.Clock.Elapsed);
        }

        var change = ComposeChange.Plan(before, registry.Repository, tag, files);
        session.Log.Information("{0}", change.Diff);
        attempt = attempt with { From = change.From };
        var images = new ServerImages(host, registry, session.Log, session.Redactor);
        try
        {
            await PullAsync(images, change, attempt, cancellationToken);
            await new ChangeStep(session, compose, files).ApplyAsync(before, change, attempt, origin, cancellationToken);
        }
        catch (RemoteHostException lost) when (!host.IsPlan)
        {
            throw await new Recovery(session, compose, held).RecoverAsync(lost, attempt, before, change, origin);
        }

        if (host.IsPlan)
        {
            session.Log.Information("[plan] {0}: record the deploy in {1}/.deploy/history.jsonl and prune all but the newest {2} images",
                host.Name, target.Directory, ServerImages.Kept);
            return new DeployResult(target.Environment, host.Name, change.Changes, attempt.Clock.Elapsed);
        }

        await session.History.AppendAsync(attempt.Entry(target, origin, HistoryEntry.Succeeded,
            await images.WithDigestAsync(change.From), await images.WithDigestAsync(attempt.To)));
        await images.PruneAsync(await session.History.ReadLastAsync(500, CancellationToken.None), [tag, DeployHistory.TagOf(change.From) ?? tag]);
        return new DeployResult(target.Environment, host.Name, change.Changes, attempt.Clock.Elapsed);
    }

    private async Task<DeployLock> LockAsync(Attempt attempt, CancellationToken cancellationToken)
    {
        var holder = new LockHolder(origin.Who, attempt.Action, DeployHistory.TagOf(attempt.To), DateTimeOffset.UtcNow,
            origin.PipelineUrl, origin.JobUrl);
        try
        {
            return await DeployLock.AcquireAsync(host, target, holder, session.Log, cancellationToken);
        }
        catch (LockHeldException exception) when (!host.IsPlan)
        {
            await session.History.AppendAsync(attempt.Entry(target, origin, HistoryEntry.Failed, exception.Message));
            throw;
        }
    }

    private async Task PullAsync(ServerImages images, ComposeChange change, Attempt attempt, CancellationToken cancellationToken)
    {
        try
        {
            await images.LoginAsync(cancellationToken);
            await images.PullAsync(change.NewImages, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (Exception exception) when (exception is not RemoteHostException)
        {
            throw await session.FailAsync(attempt, origin, exception, $"nothing was changed; {target.Environment} still runs {change.From}");
        }
    }
}
