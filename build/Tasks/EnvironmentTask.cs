using Cake.Frosting;
using Infosync.Deploy.Deployment;
using Infosync.Deploy.Settings;

namespace Infosync.Build.Tasks;

/// <summary>A task on one environment; the subclasses differ only in which one.</summary>
public abstract class EnvironmentTask(DeployEnvironment environment) : AsyncFrostingTask<BuildContext>
{
    /// <summary>The environment whose server the task works on, and whose settings it needs.</summary>
    public DeployEnvironment Environment { get; } = environment;

    protected EnvironmentOperations On(BuildContext context) => context.On(Environment);
}
