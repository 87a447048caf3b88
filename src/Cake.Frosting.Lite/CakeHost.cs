using System.Reflection;
using Cake.Cli;
using Cake.Core;
using Cake.Core.Diagnostics;
using Spectre.Console;

namespace Cake.Frosting;

/// <summary>Runs the task classes of the entry assembly with Cake.Core's engine, the way Frosting's host does.</summary>
public sealed class CakeHost
{
    private Type contextType = typeof(FrostingContext);
    private Type? lifetimeType;
    private Type? taskLifetimeType;
    private Func<ICakeLog, ICakeLog> wrapLog = log => log;
    private Func<IEnumerable<string>, IEnumerable<string>>? argumentCheck;
    private Func<IEnumerable<string>> helpSection = () => [];

    /// <summary>Uses <typeparamref name="TContext"/>, built from the engine's context, for every task.</summary>
    public CakeHost UseContext<TContext>()
        where TContext : IFrostingContext
    {
        contextType = typeof(TContext);
        return this;
    }

    /// <summary>
    /// Runs <typeparamref name="TLifetime"/>'s setup before the first task and its teardown after the last. A lifetime
    /// whose constructor takes an <see cref="IEnumerable{IFrostingTask}"/> is given the task objects the engine runs.
    /// </summary>
    public CakeHost UseLifetime<TLifetime>()
    {
        lifetimeType = typeof(TLifetime);
        return this;
    }

    /// <summary>Runs <typeparamref name="TLifetime"/>'s setup and teardown around each task.</summary>
    public CakeHost UseTaskLifetime<TLifetime>()
    {
        taskLifetimeType = typeof(TLifetime);
        return this;
    }

    /// <summary>
    /// Puts <paramref name="wrap"/>'s log in place of Cake's console log for everything the run writes, the engine's
    /// own messages and error report included (what Frosting's <c>ConfigureServices</c> allows for <c>ICakeLog</c>).
    /// </summary>
    public CakeHost UseLog(Func<ICakeLog, ICakeLog> wrap)
    {
        wrapLog = wrap;
        return this;
    }

    /// <summary>
    /// Checks the names of the arguments given (without dashes) before anything else runs, help, tree and description
    /// included; each problem <paramref name="check"/> returns is printed as an error and the run exits with 1.
    /// </summary>
    public CakeHost UseArgumentCheck(Func<IEnumerable<string>, IEnumerable<string>> check)
    {
        argumentCheck = check;
        return this;
    }

    /// <summary>Appends <paramref name="lines"/> to the <c>--help</c> text, after the tasks: what the application reads besides.</summary>
    public CakeHost UseHelpSection(Func<IEnumerable<string>> lines)
    {
        helpSection = lines;
        return this;
    }

    /// <summary>Runs the target named on the command line; returns the process exit code.</summary>
    public int Run(IEnumerable<string> args) => RunAsync(args).GetAwaiter().GetResult();

    private async Task<int> RunAsync(IEnumerable<string> args)
    {
        var environment = new CakeEnvironment(new CakePlatform(), new CakeRuntime());
        var console = new CakeConsole(environment);
        HostOptions options;
        try
        {
            options = HostOptions.Parse(args);
        }
        catch (FormatException exception)
        {
            console.WriteErrorLine("Error: {0}", exception.Message);
            return 1;
        }

        var problems = argumentCheck?.Invoke(options.Arguments.Select(a => a.Key)).ToList() ?? [];
        foreach (var problem in problems)
        {
            console.WriteErrorLine("Error: {0}", problem);
        }

        if (problems.Count > 0)
        {
            return 1;
        }

        var data = new CakeDataService();
        var context = CakeServices.CreateContext(options, console, environment, data, wrapLog);
        var catalog = new TaskCatalog(Assembly.GetEntryAssembly()!);
        var run = new HostRun(options, context, console, catalog, contextType, lifetimeType, taskLifetimeType);
        if (options.ShowHelp)
        {
            HostHelp.Write(console, catalog.Names, helpSection());
            return 0;
        }

        if (!catalog.Contains(options.Target))
        {
            context.Log.Error("Error: {0}", UnknownTarget(options.Target, catalog.Names));
            return 1;
        }

        var engine = new CakeEngine(data, context.Log);
        if (options.ShowTree || options.ShowDescription)
        {
            catalog.Register(engine, () => context);
            await (options.ShowTree
                ? new TreeScriptHost(engine, context, console).RunTargetAsync(options.Target)
                : new DescriptionScriptHost(engine, context, AnsiConsole.Console).RunTargetAsync(options.Target));
            return 0;
        }

        return await run.ExecuteAsync(engine);
    }

    private static string UnknownTarget(string target, IEnumerable<string> names) =>
        $"Unknown target '{target}'. Targets: {string.Join(", ", names.Order(StringComparer.Ordinal))}.";
}
