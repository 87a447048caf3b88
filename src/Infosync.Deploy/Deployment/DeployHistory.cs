using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Deployment;

/// <summary>The environment's history on its server: appended one JSON line at a time, read from the end.</summary>
public sealed class DeployHistory(IRemoteHost host, string deployDirectory)
{
    /// <summary>Appends <paramref name="entry"/>; a failure to record is reported, never fatal to the deploy.</summary>
    public async Task<bool> AppendAsync(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var what = $"the {entry.Result} {entry.Action} of {entry.To}";
        var result = await host.RunAsync(HistoryCommands.Append(deployDirectory, entry.ToJson(), what), CancellationToken.None);
        return result.Succeeded;
    }

    /// <summary>The last <paramref name="count"/> entries, oldest first.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> ReadLastAsync(int count, CancellationToken cancellationToken = default)
    {
        var result = await host.RunAsync(HistoryCommands.ReadLast(deployDirectory, count), cancellationToken);
        return result.Succeeded ? HistoryEntry.ParseLines(result.StandardOutput) : [];
    }

    /// <summary>
    /// Where a rollback from what runs now returns to: what the latest successful deploy of the current image
    /// replaced, so repeated rollbacks walk back through the deploys. The image id, when recorded, tells two images
    /// of a reused tag (<c>latest</c>) apart; without one the tag alone decides.
    /// </summary>
    public static RollbackPoint? Previous(IReadOnlyList<HistoryEntry> entries, string currentTag, string? currentImage)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var deploys = entries.Where(e => e.Is(DeployAction.Deploy, DeployOutcome.Succeeded)).ToList();
        var ofCurrent = deploys.LastOrDefault(e => TagOf(e.To) == currentTag && (currentImage is null || e.ToImage is null || e.ToImage == currentImage));
        if (ofCurrent is not null)
        {
            var point = RollbackPoint.From(ofCurrent.From, ofCurrent.FromImage);
            return point is null || point.IsSameAs(currentTag, currentImage) ? null : point;
        }

        var other = deploys.LastOrDefault(e => TagOf(e.To) != currentTag);
        return other is null ? null : RollbackPoint.From(other.To, other.ToImage);
    }

    /// <summary>The tag of a recorded reference <c>repo:tag@digest</c>; <c>latest</c> when it names none.</summary>
    public static string? TagOf(string? reference) =>
        Images.ImageReference.TryParse(reference, out var image) ? image.Tag ?? "latest" : null;
}
