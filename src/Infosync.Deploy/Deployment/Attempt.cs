using System.Diagnostics;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>One deploy or rollback under way: what it moves from (once known) and to, and since when.</summary>
internal sealed record Attempt(string Action, string? From, string To, Stopwatch Clock)
{
    /// <summary>The image id the services ran before, once known.</summary>
    public string? FromImage { get; init; }

    public HistoryEntry Entry(DeployTarget target, RunOrigin origin, string result, string? message = null) =>
        Entry(target, origin, result, From, To, message);

    public HistoryEntry Entry(DeployTarget target, RunOrigin origin, string result, string? from, string to, string? message = null, string? toImage = null) =>
        new(DateTimeOffset.UtcNow, target.Environment.Name, Action, from, to, result,
            Math.Round(Clock.Elapsed.TotalSeconds, 1), origin.Who, origin.PipelineUrl ?? origin.JobUrl, message, FromImage, toImage);
}
