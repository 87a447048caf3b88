using Cake.Core.Diagnostics;
using System.Diagnostics;
using Infosync.Deploy.Compose;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// Moves an environment to a tag, safely: lock, read the project's files as Compose finds them, note and pin the
/// images the services run, pull while the old containers serve, write the files only over what was read, recreate
/// only the changed services, wait for health, and on any failure put the files back byte for byte and bring the
/// previous images up again; when the connection drops, a second one does that clean-up. Every attempt is recorded.
/// </summary>
public sealed class Deployer(DeploySession session, RegistrySettings registry, RunOrigin origin)
{
    private readonly IRemoteHost host = session.Host;
    private readonly DeployTarget target = session.Target;

    /// <summary>
    /// Deploys (<paramref name="action"/> <c>deploy</c>) or rolls back (<c>rollback</c>) to <paramref name="tag"/>;
    /// <paramref name="exact"/> names the very image a rollback returns to, when the history knows it.
    /// </summary>
    public async Task<DeployResult> SwitchAsync(string action, string tag, CancellationToken cancellationToken, RollbackPoint? exact = null)
    {
        var attempt = new Attempt(action, null, $"{registry.Repository}:{tag}", Stopwatch.StartNew());
        await using var held = await LockAsync(attempt, cancellationToken);
        var cli = await ServerCompose.DetectAsync(host, session.Log, cancellationToken);
        if (cli is null || host is PlanRemoteHost { CanRead: false })
        {
            await new BlindPlan(host, target, registry, session.Log).PrintAsync(tag, cancellationToken);
            return new DeployResult(target.Environment, host.Name, [], attempt.Clock.Elapsed);
        }

        var project = await new ComposeFiles(host, target).ReadAsync(cli, cancellationToken);
        LearnSecrets(project, tag);
        var change = ComposeChange.Plan(project, registry.Repository, tag);
        session.Log.Information("{0}", change.Diff);
        attempt = attempt with { From = change.From };
        var images = new ServerImages(host, registry, session.Log, session.Redactor);
        var previousImages = new PreviousImages(host, session.Containers(project), target, registry);
        IReadOnlyList<RunningImage> previous = [];
        try
        {
            previous = await BeforeAnyChangeAsync(change, attempt, () => CaptureAsync(change, previousImages, cancellationToken));
            attempt = attempt with { FromImage = FirstImage(previous) };
            var from = await BeforeAnyChangeAsync(change, attempt, () => PullAsync(change, exact, previous, images, cancellationToken));
            attempt = attempt with { From = from };
            await new ChangeStep(session, change, previous, previousImages).ApplyAsync(attempt, origin, cancellationToken);
        }
        catch (RemoteHostException lost) when (!host.IsPlan)
        {
            throw await new Recovery(session, held, change, previous, registry).RecoverAsync(lost, attempt, origin);
        }

        if (host.IsPlan)
        {
            session.Log.Information("[plan] {0}: record the deploy in {1}/.deploy/history.jsonl and prune all but the newest {2} images",
                host.Name, target.Directory, ServerImages.Kept);
            return new DeployResult(target.Environment, host.Name, change.Changes, attempt.Clock.Elapsed);
        }

        await session.History.AppendAsync(attempt.Entry(target, origin, HistoryEntry.Succeeded, attempt.From,
            await images.WithDigestAsync(attempt.To), toImage: await images.ImageIdAsync(attempt.To)));
        await images.PruneAsync(await session.History.ReadLastAsync(500, CancellationToken.None), [tag, DeployHistory.TagOf(change.From) ?? tag]);
        return new DeployResult(target.Environment, host.Name, change.Changes, attempt.Clock.Elapsed);
    }

    // What runs now, pinned so that a moved tag cannot lose it.
    private static async Task<IReadOnlyList<RunningImage>> CaptureAsync(ComposeChange change, PreviousImages previousImages, CancellationToken cancellationToken)
    {
        var previous = await previousImages.CaptureAsync(change, cancellationToken);
        await previousImages.PinAsync(previous, cancellationToken);
        return previous;
    }

    // The registry login and the new image; returns the old reference with the digest of the image that ran.
    private async Task<string> PullAsync(ComposeChange change, RollbackPoint? exact, IReadOnlyList<RunningImage> previous, ServerImages images, CancellationToken cancellationToken)
    {
        var from = host.IsPlan ? change.From : await images.WithDigestAsync(change.From, FirstImage(previous));
        await images.LoginAsync(cancellationToken);
        await images.ObtainAsync(change.NewImages, exact, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return from;
    }

    // A step before the first change to the server: whatever goes wrong, the server is as it was.
    private async Task<T> BeforeAnyChangeAsync<T>(ComposeChange change, Attempt attempt, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception exception) when (exception is not RemoteHostException)
        {
            throw await session.FailAsync(attempt, origin, exception, $"nothing was changed; {target.Environment} still runs {change.From}");
        }
    }

    // The values in the server's files are scrubbed from all output from here on; parts of image references stay shown.
    private void LearnSecrets(ComposeProject project, string tag)
    {
        var shown = project.Images.Select(image => image.Reference).Concat([registry.Repository, tag, target.Directory, host.Name, target.Environment.Name]).ToList();
        var values = DotEnv.Assignments(project.Env?.Text)
            .Where(pair => !pair.Key.StartsWith("COMPOSE_", StringComparison.Ordinal))
            .Select(pair => pair.Value)
            .Concat(project.Files.SelectMany(file => SensitiveValues.InCompose(file.Text)));
        session.Redactor.Learn(values.Where(value => SecretWorthy(value, shown)));
    }

    private static string? FirstImage(IReadOnlyList<RunningImage> previous) => previous.Count > 0 ? previous[0].ImageId : null;

    private static bool SecretWorthy(string value, List<string> shown) =>
        value.Trim().Length >= 4
        && value.Trim().ToUpperInvariant() is not ("TRUE" or "FALSE" or "YES" or "NULL")
        && !shown.Any(text => text.Contains(value, StringComparison.Ordinal));

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
}
