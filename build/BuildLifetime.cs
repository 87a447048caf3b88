using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;
using Infosync.Deploy.Settings;

namespace Infosync.Build;

/// <summary>Checks every setting the run's tasks need before the first of them starts.</summary>
public sealed class BuildLifetime : FrostingLifetime<BuildContext>
{
    public override void Setup(BuildContext context, ISetupContext info)
    {
        // Cake lists the whole dependency chain even under --exclusive, when only the target runs.
        var tasks = context.Arguments.HasArgument("exclusive") ? [info.TargetTask] : info.TasksToExecute;
        var request = tasks
            .Select(task => TaskNeeds.For(task.Name))
            .Aggregate(SettingsRequest.None, (all, one) => all.Merge(one));
        context.LoadSettings(request);
        if (context.Settings.DryRun)
        {
            context.Information("Plan mode: printing what would run; nothing is built, pushed or changed.");
        }
    }

    public override void Teardown(BuildContext context, ITeardownContext info) => context.Shutdown.Dispose();
}
