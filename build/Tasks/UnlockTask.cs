using Cake.Frosting;
using Infosync.Deploy.Settings;

namespace Infosync.Build.Tasks;

/// <summary>Removes an environment's deploy lock by hand, naming its holder.</summary>
public abstract class UnlockTask : EnvironmentTask
{
    public override Task RunAsync(BuildContext context) => On(context).UnlockAsync(context.Shutdown.Token);
}

[TaskName("UnlockDev")]
[TaskDescription("Removes the deploy lock of dev, naming who held it.")]
public sealed class UnlockDevTask : UnlockTask
{
    protected override DeployEnvironment Environment => DeployEnvironment.Dev;
}

[TaskName("UnlockPilot")]
[TaskDescription("Removes the deploy lock of pilot, naming who held it.")]
public sealed class UnlockPilotTask : UnlockTask
{
    protected override DeployEnvironment Environment => DeployEnvironment.Pilot;
}

[TaskName("UnlockStage")]
[TaskDescription("Removes the deploy lock of stage, naming who held it.")]
public sealed class UnlockStageTask : UnlockTask
{
    protected override DeployEnvironment Environment => DeployEnvironment.Stage;
}
