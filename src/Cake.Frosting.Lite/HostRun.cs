using System.Reflection;
using Cake.Core;
using Cake.Core.Diagnostics;

namespace Cake.Frosting;

/// <summary>One run of a target: builds the typed context, wires lifetimes, runs the engine, reports.</summary>
internal sealed class HostRun(
    HostOptions options,
    CakeContext context,
    IConsole console,
    TaskCatalog catalog,
    Type contextType,
    Type? lifetimeType,
    Type? taskLifetimeType)
{
    public async Task<int> ExecuteAsync(CakeEngine engine)
    {
        ICakeContext typed;
        try
        {
            typed = (ICakeContext)Activator.CreateInstance(contextType, context)!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            return Fail(exception.InnerException);
        }

        catalog.Register(engine, () => typed);
        if (lifetimeType is not null)
        {
            var lifetime = (IFrostingLifetime)Create(lifetimeType);
            engine.RegisterSetupAction(info => lifetime.Setup(typed, info));
            engine.RegisterTeardownAction(info => lifetime.Teardown(typed, info));
        }

        if (taskLifetimeType is not null)
        {
            var taskLifetime = (IFrostingTaskLifetime)Create(taskLifetimeType);
            engine.RegisterTaskSetupAction(info => taskLifetime.Setup(typed, info));
            engine.RegisterTaskTeardownAction(info => taskLifetime.Teardown(typed, info));
        }

        var printer = new CakeReportPrinter(console, typed);
        var settings = new ExecutionSettings().SetTarget(options.Target);
        if (options.Exclusive)
        {
            settings.UseExclusiveTarget();
        }

        try
        {
            var report = await engine.RunTargetAsync(typed, new DefaultExecutionStrategy(context.Log, printer), settings);
            printer.Write(report);
            return 0;
        }
        catch (CakeReportException exception)
        {
            printer.Write(exception.Report);
            return Fail(exception.InnerException ?? exception);
        }
        catch (Exception exception)
        {
            return Fail(exception);
        }
    }

    // As Frosting's container would, a lifetime that takes the run's task objects in its constructor is given them.
    private object Create(Type lifetime) => lifetime.GetConstructor([typeof(IEnumerable<IFrostingTask>)]) is { } withTasks
        ? withTasks.Invoke([catalog.Tasks])
        : Activator.CreateInstance(lifetime)!;

    private int Fail(Exception exception)
    {
        var root = Unwrap(exception);
        context.Log.Error("Error: {0}", root.Message);
        context.Log.Write(Verbosity.Diagnostic, LogLevel.Error, "{0}", root.ToString());
        return 1;
    }

    private static Exception Unwrap(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => exception,
    };
}
