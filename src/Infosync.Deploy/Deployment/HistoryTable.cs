using System.Globalization;
using System.Text;

namespace Infosync.Deploy.Deployment;

/// <summary>History entries as a fixed-width text table, newest last.</summary>
public static class HistoryTable
{
    /// <summary>Renders the table; says so when there is no history.</summary>
    public static string Render(IReadOnlyList<HistoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return "  (no deployments recorded)";
        }

        string[] header = ["TIME (UTC)", "ACTION", "FROM", "TO", "RESULT", "SECONDS", "WHO"];
        var rows = entries.Select(e => new[]
        {
            e.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Action,
            Short(e.From), Short(e.To), e.Result, e.Seconds.ToString("0.0", CultureInfo.InvariantCulture), e.Who,
        }.Select(Secrets.InertText.OneLine).ToArray()).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        var table = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            table.Append("  ").AppendJoin("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).Append('\n');
        }

        return table.ToString().TrimEnd();
    }

    private static string Short(string? reference)
    {
        if (reference is null)
        {
            return "-";
        }

        var digest = (Images.ImageReference.TryParse(reference, out var image) ? image.Digest : null)?.Replace("sha256:", string.Empty, StringComparison.Ordinal);
        var tag = DeployHistory.TagOf(reference) ?? reference;
        return digest is null ? tag : $"{tag}@{digest[..Math.Min(12, digest.Length)]}";
    }
}
