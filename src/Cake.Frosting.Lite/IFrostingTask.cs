using Cake.Core;

namespace Cake.Frosting;

/// <summary>What the host needs from any task, typed or not.</summary>
public interface IFrostingTask
{
    /// <summary>Runs the task.</summary>
    Task RunAsync(ICakeContext context);

    /// <summary>Whether the task should run; false skips it.</summary>
    bool ShouldRun(ICakeContext context);

    /// <summary>Called when <see cref="RunAsync"/> throws; the error is still reported.</summary>
    void OnError(Exception exception, ICakeContext context);

    /// <summary>Called after the task, whether it succeeded or not.</summary>
    void Finally(ICakeContext context);
}
