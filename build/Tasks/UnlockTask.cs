using Cake.Frosting;
using Infosync.Deploy.Settings;

namespace Infosync.Build.Tasks;

/// <summary>Removes an environment's deploy lock by hand, naming its holder.</summary>
[Needs(TagNeed.None)]
public abstract class UnlockTask(DeployEnvironment environment) : EnvironmentTask(environment)
{
    public override Task RunAsync(BuildContext context) => On(context).UnlockAsync(context.Shutdown.Token);
}

[TaskName("UnlockDev")]
[TaskDescription("Removes the deploy lock of dev, naming who held it.")]
public sealed class UnlockDevTask() : UnlockTask(DeployEnvironment.Dev);

[TaskName("UnlockPilot")]
[TaskDescription("Removes the deploy lock of pilot, naming who held it.")]
public sealed class UnlockPilotTask() : UnlockTask(DeployEnvironment.Pilot);

[TaskName("UnlockStage")]
[TaskDescription("Removes the deploy lock of stage, naming who held it.")]
public sealed class UnlockStageTask() : UnlockTask(DeployEnvironment.Stage);
