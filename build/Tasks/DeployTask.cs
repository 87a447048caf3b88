using Cake.Frosting;
using Infosync.Deploy.Settings;

namespace Infosync.Build.Tasks;

/// <summary>Deploys the image tag to an environment's server over SSH, with health gate and automatic rollback.</summary>
[Needs(TagNeed.Required, Repository = true, RegistryLogin = true)]
public abstract class DeployTask(DeployEnvironment environment) : EnvironmentTask(environment)
{
    public override Task RunAsync(BuildContext context) =>
        On(context).DeployAsync(context.Settings.RequireTag(), context.Shutdown.Token);
}

[TaskName("DeployDev")]
[TaskDescription("Deploys the image to the dev server (after PushImage; use --exclusive for an already pushed tag).")]
[IsDependentOn(typeof(PushImageTask))]
public sealed class DeployDevTask() : DeployTask(DeployEnvironment.Dev);

[TaskName("DeployPilot")]
[TaskDescription("Deploys the image to the pilot server (after PushImage; use --exclusive for an already pushed tag).")]
[IsDependentOn(typeof(PushImageTask))]
public sealed class DeployPilotTask() : DeployTask(DeployEnvironment.Pilot);

[TaskName("DeployStage")]
[TaskDescription("Deploys the image to the stage server (after PushImage; use --exclusive for an already pushed tag).")]
[IsDependentOn(typeof(PushImageTask))]
public sealed class DeployStageTask() : DeployTask(DeployEnvironment.Stage);
