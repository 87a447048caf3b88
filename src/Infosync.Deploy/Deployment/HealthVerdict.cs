namespace Infosync.Deploy.Deployment;

/// <summary>One look at the new containers: healthy, or why not, and whether waiting longer could help.</summary>
public sealed record HealthVerdict(bool Healthy, string Reason, IReadOnlyList<string> ContainerIds, bool Hopeless = false);
