using Cake.Core;

namespace Cake.Frosting;

/// <summary>An asynchronous task over a typed context.</summary>
public abstract class AsyncFrostingTask<TContext> : IFrostingTask
    where TContext : ICakeContext
{
    /// <summary>Runs the task.</summary>
    public virtual Task RunAsync(TContext context) => Task.CompletedTask;

    /// <summary>Whether the task should run.</summary>
    public virtual bool ShouldRun(TContext context) => true;

    /// <summary>Called when <see cref="RunAsync(TContext)"/> throws.</summary>
    public virtual void OnError(Exception exception, TContext context)
    {
    }

    /// <summary>Called after the task, whether it succeeded or not.</summary>
    public virtual void Finally(TContext context)
    {
    }

    Task IFrostingTask.RunAsync(ICakeContext context) => RunAsync((TContext)context);

    bool IFrostingTask.ShouldRun(ICakeContext context) => ShouldRun((TContext)context);

    void IFrostingTask.OnError(Exception exception, ICakeContext context) => OnError(exception, (TContext)context);

    void IFrostingTask.Finally(ICakeContext context) => Finally((TContext)context);
}
