using Cake.Frosting;
using Infosync.Deploy.Settings;

namespace Infosync.Build.Tasks;

/// <summary>Shows what an environment runs, its lock, and its last deployments.</summary>
[Needs(TagNeed.None, Repository = true)]
public abstract class StatusTask(DeployEnvironment environment) : EnvironmentTask(environment)
{
    public override Task RunAsync(BuildContext context) => On(context).StatusAsync(context.Shutdown.Token);
}

[TaskName("StatusDev")]
[TaskDescription("Shows the tag, digest, state and uptime running on dev, its lock, and the last 10 deployments.")]
public sealed class StatusDevTask() : StatusTask(DeployEnvironment.Dev);

[TaskName("StatusPilot")]
[TaskDescription("Shows the tag, digest, state and uptime running on pilot, its lock, and the last 10 deployments.")]
public sealed class StatusPilotTask() : StatusTask(DeployEnvironment.Pilot);

[TaskName("StatusStage")]
[TaskDescription("Shows the tag, digest, state and uptime running on stage, its lock, and the last 10 deployments.")]
public sealed class StatusStageTask() : StatusTask(DeployEnvironment.Stage);
