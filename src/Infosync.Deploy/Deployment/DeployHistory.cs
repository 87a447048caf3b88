using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Deployment;

/// <summary>The environment's history on its server: appended one JSON line at a time, read from the end.</summary>
public sealed class DeployHistory(IRemoteHost host, string deployDirectory)
{
    private const string AppendScript =
        """
        mkdir -p -- "$1/.deploy" && printf '%s\n' "$2" >> "$1/.deploy/history.jsonl"
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
    /// The tag to roll back to from <paramref name="currentTag"/>: the one the latest successful deploy of the
    /// current tag replaced, so repeated rollbacks walk back through the deploys.
    /// </summary>
    public static string? PreviousTag(IReadOnlyList<HistoryEntry> entries, string currentTag)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var succeeded = entries.Where(e => e.Result == HistoryEntry.Succeeded && e.Action == "deploy").ToList();
        var replaced = succeeded.LastOrDefault(e => TagOf(e.To) == currentTag)?.From
            ?? succeeded.LastOrDefault(e => TagOf(e.To) != currentTag)?.To;
        var tag = TagOf(replaced);
        return tag == currentTag ? null : tag;
    }

    /// <summary>The tag of a recorded reference <c>repo:tag@digest</c>; <c>latest</c> when it names none.</summary>
    public static string? TagOf(string? reference) =>
        Compose.ImageReference.TryParse(reference, out var image) ? image.Tag ?? "latest" : null;
}
