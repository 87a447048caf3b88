using Cake.Frosting;
using Infosync.Deploy.Deployment;
using Infosync.Deploy.Settings;

namespace Infosync.Build.Tasks;

/// <summary>A task on one environment; the subclasses differ only in which one.</summary>
public abstract class EnvironmentTask : AsyncFrostingTask<BuildContext>
{
    protected abstract DeployEnvironment Environment { get; }

    protected EnvironmentOperations On(BuildContext context) => context.On(Environment);
}
