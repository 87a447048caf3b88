namespace Infosync.Bench.Prober;

/// <summary>
/// Which version answered when. A version's answers form one episode until it is silent for longer than the gap, so
/// a switch back to a version seen before starts an episode of its own; the overlap of a switch is the time the
/// outgoing and the incoming episode both answered.
/// </summary>
internal sealed class VersionTimeline(TimeSpan gap)
{
    private const string Marker = "version: ";
    private readonly Lock gate = new();
    private readonly List<(double Seconds, string Version)> seen = [];

    /// <summary>The X of the first "version: X" in a page, X ending at a tag or white space.</summary>
    public static string? VersionIn(string answer)
    {
        var start = answer.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += Marker.Length;
        var end = start;
        while (end < answer.Length && answer[end] != '<' && !char.IsWhiteSpace(answer[end]))
        {
            end++;
        }

        return end > start ? answer[start..end] : null;
    }

    public void Add(TimeSpan at, string version)
    {
        lock (gate)
        {
            seen.Add((at.TotalSeconds, version));
        }
    }

    public IReadOnlyList<VersionEpisode> Episodes()
    {
        var episodes = new List<VersionEpisode>();
        var current = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (seconds, version) in seen.OrderBy(s => s.Seconds))
        {
            if (current.TryGetValue(version, out var i) && seconds - episodes[i].Last <= gap.TotalSeconds)
            {
                episodes[i] = episodes[i] with { Last = seconds };
            }
            else
            {
                current[version] = episodes.Count;
                episodes.Add(new VersionEpisode(version, seconds, seconds));
            }
        }

        return episodes;
    }

    /// <summary>One per switch: how long the episode before it and the one it started both answered.</summary>
    public static IReadOnlyList<double> Overlaps(IReadOnlyList<VersionEpisode> episodes) =>
        [.. episodes.Zip(episodes.Skip(1), (before, after) => before.OverlapWith(after))];
}
