namespace Infosync.Bench.Prober;

/// <summary>A stretch of time in which one version kept answering: its first and last answer, in seconds since start.</summary>
internal sealed record VersionEpisode(string Version, double First, double Last);
