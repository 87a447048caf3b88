using Infosync.Deploy.Compose;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>What a finished deploy changed, for its summary.</summary>
public sealed record DeployResult(DeployEnvironment Environment, string Host, IReadOnlyList<ImageChange> Changes, TimeSpan Elapsed);
