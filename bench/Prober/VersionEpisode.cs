using System.Globalization;

namespace Infosync.Bench.Prober;

/// <summary>A stretch of time in which one version kept answering: its first and last answer, in seconds since start.</summary>
internal sealed record VersionEpisode(string Version, double First, double Last)
{
    /// <summary>How long this episode and the next one, which a switch started, both answered.</summary>
    public double OverlapWith(VersionEpisode next) => Math.Max(0, Math.Min(Last, next.Last) - next.First);

    /// <summary>As the summary line shows it: version@first-last.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Version}@{First:0.00}-{Last:0.00}");
}
