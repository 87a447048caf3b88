using System.Globalization;

namespace Infosync.Bench.Prober;

/// <summary>
/// The probes' outcomes by start time. A failure window runs from the start of its first failed probe to the start
/// of the next good one, so each window is exact to one probe interval.
/// </summary>
internal sealed class ProbeLog(TimeSpan interval)
{
    private readonly Lock gate = new();
    private readonly List<(double StartMs, bool Ok)> probes = [];
    private bool seenGood;

    /// <summary>Records a probe; true the first time a probe is good.</summary>
    public bool Add(TimeSpan started, bool ok)
    {
        lock (gate)
        {
            probes.Add((started.TotalMilliseconds, ok));
            var first = ok && !seenGood;
            seenGood |= ok;
            return first;
        }
    }

    public string Summary()
    {
        var sorted = probes.OrderBy(p => p.StartMs).ToList();
        var windows = new List<double>();
        double? failingSince = null;
        foreach (var (startMs, ok) in sorted)
        {
            if (!ok)
            {
                failingSince ??= startMs;
            }
            else if (failingSince is { } since)
            {
                windows.Add(startMs - since);
                failingSince = null;
            }
        }

        if (failingSince is { } open)
        {
            windows.Add(sorted[^1].StartMs + interval.TotalMilliseconds - open);
        }

        var span = sorted.Count > 1 ? sorted[^1].StartMs - sorted[0].StartMs : 0;
        var maxGap = sorted.Zip(sorted.Skip(1), (a, b) => b.StartMs - a.StartMs).DefaultIfEmpty(0).Max();
        return string.Create(CultureInfo.InvariantCulture,
            $"probes={sorted.Count} failed={sorted.Count(p => !p.Ok)} windows={windows.Count} " +
            $"longest_ms={windows.DefaultIfEmpty(0).Max():0} total_ms={windows.Sum():0} " +
            $"rate_hz={(span > 0 ? (sorted.Count - 1) * 1000 / span : 0):0.0} max_gap_ms={maxGap:0}");
    }
}
