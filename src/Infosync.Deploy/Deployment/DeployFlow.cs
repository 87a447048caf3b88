using System.Diagnostics;
using Cake.Core.Diagnostics;
using Infosync.Deploy.Compose;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// One deploy or rollback of an environment, top to bottom: lock, read, pin, pull, write, switch (and gate), record,
/// prune. A failure before the write changes nothing; a failure after it restores the files and the previous version;
/// a dropped connection is cleaned up over a second one (see DeployFlow.Undo.cs). Every attempt is recorded.
/// </summary>
public sealed partial class DeployFlow(DeployRun run, ISwitchStrategy strategy)
{
    /// <summary>Moves the environment to <paramref name="tag"/>; <paramref name="exact"/> names the very image a rollback returns to.</summary>
    public async Task<DeployResult> RunAsync(DeployAction action, string tag, RollbackPoint? exact, CancellationToken cancellationToken)
    {
        var attempt = new Attempt(action, null, $"{run.Registry.Repository}:{tag}", Stopwatch.StartNew());
        await using var held = await LockAsync(attempt, cancellationToken);
        var project = await run.Files.ReadAsync(cancellationToken);
        LearnSecrets(project, tag);
        var change = ComposeChange.Plan(project, run.Registry.Repository, tag);
        run.Log.Information("{0}", change.Diff);
        attempt = attempt with { From = change.From };
        IReadOnlyList<RunningImage> before = [];
        try
        {
            await BeforeAnyChangeAsync(attempt, change, () => CheckAsync(change, cancellationToken));
            before = await BeforeAnyChangeAsync(attempt, change, () => new PreviousImages(run, project).CaptureAndPinAsync(change, cancellationToken));
            attempt = attempt with { FromImage = before.Count > 0 ? before[0].ImageId : null };
            attempt = attempt with { From = await BeforeAnyChangeAsync(attempt, change, () => PullAsync(change, exact, cancellationToken)) };
            await WriteAsync(attempt, change);
            await SwitchAsync(attempt, change, before, cancellationToken);
        }
        catch (RemoteHostException lost)
        {
            throw await RecoverAsync(lost, held, attempt, (change, before));
        }

        await RecordAsync(attempt);
        await run.Images.PruneAsync(await run.History.ReadLastAsync(500, CancellationToken.None), [tag, DeployHistory.TagOf(change.From) ?? tag]);
        return new DeployResult(run.Target.Environment, run.Host.Name, change.Changes, attempt.Clock.Elapsed);
    }

    private async Task<DeployLock> LockAsync(Attempt attempt, CancellationToken cancellationToken)
    {
        var holder = new LockHolder(run.Origin.Who, attempt.Action.Word(), DeployHistory.TagOf(attempt.To), DateTimeOffset.UtcNow,
            run.Origin.PipelineUrl, run.Origin.JobUrl);
        try
        {
            return await DeployLock.AcquireAsync(run.Host, run.Target, holder, run.Log, cancellationToken);
        }
        catch (LockHeldException exception)
        {
            await run.History.AppendAsync(attempt.Failed(run, exception.Message));
            throw;
        }
    }

    // The values in the server's files are scrubbed from all output from here on; parts of image references stay shown.
    private void LearnSecrets(ComposeProject project, string tag)
    {
        var shown = project.Images.Select(image => image.Reference)
            .Concat([run.Registry.Repository, tag, run.Target.Directory, run.Host.Name, run.Target.Environment.Name]).ToList();
        var values = DotEnv.Assignments(project.Env?.Text)
            .Where(pair => !pair.Key.StartsWith("COMPOSE_", StringComparison.Ordinal))
            .Select(pair => pair.Value)
            .Concat(project.Files.SelectMany(file => SensitiveValues.InCompose(file.Text)));
        run.Redactor.Learn(values.Where(value => SecretWorthy(value, shown)));
    }

    // What the strategy cannot do is refused before anything changes, with what to change instead.
    private async Task<bool> CheckAsync(ComposeChange change, CancellationToken cancellationToken) =>
        await strategy.CheckAsync(run, change, cancellationToken) is { } refusal ? throw new DeployException(refusal) : true;

    // The registry login and the new image; returns the old reference with the digest of the image that ran.
    private async Task<string> PullAsync(ComposeChange change, RollbackPoint? exact, CancellationToken cancellationToken)
    {
        var images = run.Images;
        var from = await images.WithDigestAsync(change.From);
        await images.LoginAsync(cancellationToken);
        await images.ObtainAsync(change.NewImages, exact, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return from;
    }

    // The files change together or not at all, so a failed write leaves nothing of the deploy on the server to undo.
    private async Task WriteAsync(Attempt attempt, ComposeChange change)
    {
        try
        {
            await run.Files.WriteAsync(change);
        }
        catch (Exception exception) when (exception is not RemoteHostException)
        {
            var files = exception is FileChangedException ? "the files keep the edit made on the server" : "the files are as they were";
            throw await FailAsync(attempt, exception, $"nothing was recreated and {files}; {run.Target.Environment} still runs {change.From}");
        }
    }

    private async Task SwitchAsync(Attempt attempt, ComposeChange change, IReadOnlyList<RunningImage> before, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await strategy.SwitchAsync(run, change, cancellationToken) is { } problem)
            {
                throw new DeployException(problem);
            }
        }
        catch (Exception exception) when (exception is not RemoteHostException)
        {
            throw await FailAsync(attempt, exception, await RestoreAsync(run, change, before));
        }
    }

    private async Task RecordAsync(Attempt attempt)
    {
        var images = run.Images;
        await run.History.AppendAsync(attempt.Succeeded(run, await images.WithDigestAsync(attempt.To), await images.ImageIdAsync(attempt.To)));
    }

    private static bool SecretWorthy(string value, List<string> shown) =>
        value.Trim().Length >= 4
        && value.Trim().ToUpperInvariant() is not ("TRUE" or "FALSE" or "YES" or "NULL")
        && !shown.Any(text => text.Contains(value, StringComparison.Ordinal));
}
