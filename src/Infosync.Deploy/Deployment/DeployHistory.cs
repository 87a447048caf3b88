using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Deployment;

/// <summary>The environment's history on its server: appended one JSON line at a time, read from the end.</summary>
public sealed class DeployHistory(IRemoteHost host, string deployDirectory)
{
    // A line torn by a full disk or a killed append is ended first, so the new entry stays a line of its own.
    private const string AppendScript =
        """
        mkdir -p -- "$1/.deploy" || exit
        f="$1/.deploy/history.jsonl"
        if [ -s "$f" ] && [ -n "$(tail -c 1 -- "$f")" ]; then printf '\n' >> "$f"; fi
        printf '%s\n' "$2" >> "$f"
        """;

    /// <summary>Appends <paramref name="entry"/>; a failure to record is reported, never fatal to the deploy.</summary>
    public async Task<bool> AppendAsync(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var result = await host.RunAsync(
            RemoteCommand.Change(RemoteCommand.Script(AppendScript, deployDirectory, entry.ToJson())), CancellationToken.None);
        return result.Succeeded;
    }

    /// <summary>The last <paramref name="count"/> entries, oldest first.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> ReadLastAsync(int count, CancellationToken cancellationToken = default)
    {
        var result = await host.RunAsync(RemoteCommand.Read(RemoteCommand.Script(
            "f=\"$1/.deploy/history.jsonl\"; [ -f \"$f\" ] || exit 0; tail -n \"$2\" -- \"$f\"",
            deployDirectory, count.ToString(System.Globalization.CultureInfo.InvariantCulture))), cancellationToken);
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
        var deploys = entries.Where(e => e.Result == HistoryEntry.Succeeded && e.Action == "deploy").ToList();
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
