using Cake.Core;

namespace Cake.Frosting;

/// <summary>Setup and teardown around each task, over a typed context.</summary>
public abstract class FrostingTaskLifetime<TContext> : IFrostingTaskLifetime
    where TContext : ICakeContext
{
    /// <summary>Runs before each task.</summary>
    public virtual void Setup(TContext context, ITaskSetupContext info)
    {
    }

    /// <summary>Runs after each task.</summary>
    public virtual void Teardown(TContext context, ITaskTeardownContext info)
    {
    }

    void IFrostingTaskLifetime.Setup(ICakeContext context, ITaskSetupContext info) => Setup((TContext)context, info);

    void IFrostingTaskLifetime.Teardown(ICakeContext context, ITaskTeardownContext info) => Teardown((TContext)context, info);
}

/// <summary>What the host needs from a task lifetime, typed or not.</summary>
public interface IFrostingTaskLifetime
{
    /// <summary>Runs before each task.</summary>
    void Setup(ICakeContext context, ITaskSetupContext info);

    /// <summary>Runs after each task.</summary>
    void Teardown(ICakeContext context, ITaskTeardownContext info);
}
