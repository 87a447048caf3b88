using System.Globalization;

namespace Infosync.Bench.Prober;

/// <summary>The traffic mode's outcomes: good and failed fast probes and slow requests, and the versions seen.</summary>
internal sealed class TrafficLog
{
    // At 50 probes a second over two containers, each version answers every few probes while both run: a second
    // of silence means the version is gone.
    private readonly VersionTimeline versions = new(TimeSpan.FromSeconds(1));
    private int fastOk, fastFailed, slowOk, slowFailed;

    public void AddFast(TimeSpan started, string? answer)
    {
        if (answer is null)
        {
            Interlocked.Increment(ref fastFailed);
            Failed("probe", started);
            return;
        }

        Interlocked.Increment(ref fastOk);
        if (VersionTimeline.VersionIn(answer) is { } version)
        {
            versions.Add(started, version);
        }
    }

    public void AddSlow(TimeSpan started, string? answer)
    {
        if (answer is null)
        {
            Interlocked.Increment(ref slowFailed);
            Failed("slow request", started);
            return;
        }

        Interlocked.Increment(ref slowOk);
    }

    public string Summary()
    {
        var episodes = versions.Episodes();
        var overlaps = VersionTimeline.Overlaps(episodes);
        return string.Create(CultureInfo.InvariantCulture,
            $"fast_ok={fastOk} fast_failed={fastFailed} slow_ok={slowOk} slow_failed={slowFailed} " +
            $"versions={string.Join(',', episodes)} overlap_s={overlaps.Sum():0.00} " +
            $"overlaps_s={string.Join(',', overlaps.Select(o => o.ToString("0.00", CultureInfo.InvariantCulture)))}");
    }

    // On stderr, so that stdout stays the lines scripts parse: when each failure started, to find it in the logs.
    private static void Failed(string what, TimeSpan started) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"failed {what} started at {started.TotalSeconds:0.000} s"));
}
