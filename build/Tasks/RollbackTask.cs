using Cake.Frosting;
using Infosync.Deploy.Settings;

namespace Infosync.Build.Tasks;

/// <summary>Returns an environment to the tag deployed before the current one, or to --image-tag.</summary>
[Needs(TagNeed.Rollback, Repository = true)]
public abstract class RollbackTask(DeployEnvironment environment) : EnvironmentTask(environment)
{
    public override Task RunAsync(BuildContext context) =>
        On(context).RollbackAsync(context.Settings.ImageTag, context.Shutdown.Token);
}

[TaskName("RollbackDev")]
[TaskDescription("Rolls dev back to the previously deployed tag (or --image-tag), with the same health gate.")]
public sealed class RollbackDevTask() : RollbackTask(DeployEnvironment.Dev);

[TaskName("RollbackPilot")]
[TaskDescription("Rolls pilot back to the previously deployed tag (or --image-tag), with the same health gate.")]
public sealed class RollbackPilotTask() : RollbackTask(DeployEnvironment.Pilot);

[TaskName("RollbackStage")]
[TaskDescription("Rolls stage back to the previously deployed tag (or --image-tag), with the same health gate.")]
public sealed class RollbackStageTask() : RollbackTask(DeployEnvironment.Stage);
