using Cake.Core;

namespace Cake.Frosting;

/// <summary>A synchronous task over a typed context.</summary>
public abstract class FrostingTask<TContext> : IFrostingTask
    where TContext : ICakeContext
{
    /// <summary>Runs the task.</summary>
    public virtual void Run(TContext context)
    {
    }

    Task IFrostingTask.RunAsync(ICakeContext context)
    {
        Run((TContext)context);
        return Task.CompletedTask;
    }
}

/// <summary>An asynchronous task over a typed context.</summary>
public abstract class AsyncFrostingTask<TContext> : IFrostingTask
    where TContext : ICakeContext
{
    /// <summary>Runs the task.</summary>
    public virtual Task RunAsync(TContext context) => Task.CompletedTask;

    Task IFrostingTask.RunAsync(ICakeContext context) => RunAsync((TContext)context);
}

/// <summary>What the host needs from any task, typed or not.</summary>
/// <remarks>
/// Frosting's ShouldRun, OnError and Finally are left out until a task needs them; a task that overrides them
/// compiles against Frosting as it does here.
/// </remarks>
public interface IFrostingTask
{
    /// <summary>Runs the task.</summary>
    Task RunAsync(ICakeContext context);
}
