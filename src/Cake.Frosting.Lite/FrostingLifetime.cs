using Cake.Core;

namespace Cake.Frosting;

/// <summary>Setup before the first task and teardown after the last, over a typed context.</summary>
public abstract class FrostingLifetime<TContext> : IFrostingLifetime
    where TContext : ICakeContext
{
    /// <summary>Runs before the first task; throwing stops the run before any task.</summary>
    public virtual void Setup(TContext context, ISetupContext info)
    {
    }

    /// <summary>Runs after the last task, also after a failure.</summary>
    public virtual void Teardown(TContext context, ITeardownContext info)
    {
    }

    void IFrostingLifetime.Setup(ICakeContext context, ISetupContext info) => Setup((TContext)context, info);

    void IFrostingLifetime.Teardown(ICakeContext context, ITeardownContext info) => Teardown((TContext)context, info);
}

/// <summary>What the host needs from a lifetime, typed or not.</summary>
public interface IFrostingLifetime
{
    /// <summary>Runs before the first task.</summary>
    void Setup(ICakeContext context, ISetupContext info);

    /// <summary>Runs after the last task.</summary>
    void Teardown(ICakeContext context, ITeardownContext info);
}
