using Cake.Core.Diagnostics;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Deployment;

// The flow's failure branches: report a failure that changed nothing, restore after a failed switch, and recover over
// a second connection after the first one dropped. Each failure is recorded and reported in one redacted line.
public sealed partial class DeployFlow
{
    // A step before the first change to the server: whatever goes wrong, the server is as it was.
    private async Task<T> BeforeAnyChangeAsync<T>(Attempt attempt, ComposeChange change, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception exception) when (exception is not RemoteHostException)
        {
            throw await FailAsync(attempt, exception, $"nothing was changed; {run.Target.Environment} still runs {change.From}");
        }
    }

    /// <summary>
    /// After a failed change: the original files back byte for byte, each previous image named by its old reference again
    /// (a reused tag may have moved), the previous version brought back by the strategy and checked. Says, in a clause,
    /// what state the environment is in now.
    /// </summary>
    private async Task<string> RestoreAsync(DeployRun on, ComposeChange change, IReadOnlyList<RunningImage> before)
    {
        on.Log.Warning("Rolling back {0} on {1}: restoring {2} and the previous containers.",
            string.Join(", ", change.Services), on.Host.Name, change.Before.FileNames);
        try
        {
            var previous = new PreviousImages(on, change.Before);
            await on.Files.RestoreAsync(change);
            await previous.PutBackAsync(before);
            if (await strategy.RevertAsync(on, change) is { } problem)
            {
                return $"the compose files are restored, but the previous version is not healthy either ({problem})";
            }

            var mismatch = await previous.MismatchAsync(before);
            return mismatch.Length == 0
                ? "rolled back: the previous version runs again and the compose files are as they were"
                : $"the compose files are restored, but {mismatch}";
        }
        catch (Exception exception) when (exception is RemoteHostException or CommandFailedException or DeployException)
        {
            return $"the rollback failed too ({exception.Message.TrimEnd('.')}); run the deploy again to converge";
        }
    }

    /// <summary>
    /// After the connection dropped mid-deploy: a second connection takes the deploy's lock back (only if no other deploy
    /// took it over meanwhile), restores, releases the lock and records the failure, so nothing is left half-done and no
    /// other deploy's work is undone.
    /// </summary>
    private async Task<DeployException> RecoverAsync(RemoteHostException lost, DeployLock held, Attempt attempt, (ComposeChange Change, IReadOnlyList<RunningImage> Before) undo)
    {
        run.Log.Warning("{0} Reconnecting to put {1} back as it was.", lost.Message, run.Target.Environment);
        IRemoteHost again;
        try
        {
            again = run.Reconnect is null ? throw new RemoteHostException("no second connection is possible") : await run.Reconnect();
        }
        catch (RemoteHostException second)
        {
            // Nothing can be recorded: the server cannot be reached.
            return new DeployException(Report(attempt, lost, $"reconnecting failed too ({second.Message.TrimEnd('.')}): " +
                "the server keeps the state it reached; run the deploy again to converge"), lost);
        }

        await using (again)
        {
            var holder = string.Empty;
            await using var reclaimed = await held.ReclaimAsync(again, now => holder = now);
            var reconnected = run with { Host = again };
            var recovered = new DeployFlow(reconnected, strategy);
            if (reclaimed is null)
            {
                return await recovered.FailAsync(attempt, lost, $"reconnected, but {holder} has taken the deploy lock over since, so its work is left as it is");
            }

            var state = await RestoreAsync(reconnected, undo.Change, undo.Before);
            return await recovered.FailAsync(attempt, lost, "reconnected: " + state);
        }
    }

    /// <summary>Records a failed attempt and returns the exception that reports it in one redacted line.</summary>
    private async Task<DeployException> FailAsync(Attempt attempt, Exception exception, string state)
    {
        var message = Report(attempt, exception, state);
        await run.History.AppendAsync(attempt.Failed(run, message));
        return new DeployException(message, exception);
    }

    // A failure in one redacted line: what failed, why, and the state it left the environment in.
    private string Report(Attempt attempt, Exception exception, string state)
    {
        var reason = exception is OperationCanceledException ? "cancelled" : exception.Message;
        return run.Redactor.Redact($"{attempt.Describe(run)} failed: {reason.TrimEnd('.')}; {state}.");
    }
}
