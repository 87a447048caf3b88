using System.Reflection;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;
using Infosync.Deploy.Settings;

namespace Infosync.Build;

/// <summary>Checks every setting the run's tasks need before the first of them starts.</summary>
public sealed class BuildLifetime(IEnumerable<IFrostingTask> tasks) : FrostingLifetime<BuildContext>
{
    private readonly Dictionary<string, IFrostingTask> tasksByName = tasks.ToDictionary(NameOf, StringComparer.OrdinalIgnoreCase);

    public override void Setup(BuildContext context, ISetupContext info)
    {
        // Cake lists the whole dependency chain even under --exclusive, when only the target runs.
        var run = HostOptions.IsExclusive(context.Arguments) ? [info.TargetTask] : info.TasksToExecute;
        context.LoadSettings(Needs(run.Select(task => task.Name)));
        if (context.Settings.DryRun)
        {
            context.Information("Plan mode: printing what would run; nothing is built, pushed or changed.");
        }
    }

    public override void Teardown(BuildContext context, ITeardownContext info) => context.Shutdown.Dispose();

    /// <summary>The settings the tasks named <paramref name="taskNames"/> declare, together.</summary>
    public SettingsRequest Needs(IEnumerable<string> taskNames) => taskNames
        .Select(name => NeedsAttribute.Of(tasksByName[name]))
        .Aggregate(SettingsRequest.None, (all, one) => all.Merge(one));

    // Every task of the host is named by [TaskName] (Lite would fall back to the class name; these never do).
    private static string NameOf(IFrostingTask task) => task.GetType().GetCustomAttribute<TaskNameAttribute>()?.Name
        ?? throw new InvalidOperationException($"Task class {task.GetType().Name} has no [TaskName].");
}
