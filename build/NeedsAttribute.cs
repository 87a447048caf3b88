using System.Reflection;
using Cake.Frosting;
using Infosync.Build.Tasks;
using Infosync.Deploy.Settings;

namespace Infosync.Build;

/// <summary>
/// The settings a task reads, so that a run checks exactly those of the tasks it will execute. It is inherited: an
/// environment task's base declares it, and the environment of the subclass is added to it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class NeedsAttribute(TagNeed tag) : Attribute
{
    /// <summary>Whether the image tag is read, and which one.</summary>
    public TagNeed Tag { get; } = tag;

    /// <summary>The Dockerfile and build context.</summary>
    public bool Build { get; set; }

    /// <summary>The registry's host, project and image name.</summary>
    public bool Repository { get; set; }

    /// <summary>The registry's user and password.</summary>
    public bool RegistryLogin { get; set; }

    /// <summary>What <paramref name="task"/> declares; a task without the attribute needs nothing but its environment.</summary>
    public static SettingsRequest Of(IFrostingTask task)
    {
        var needs = task.GetType().GetCustomAttribute<NeedsAttribute>() ?? new NeedsAttribute(TagNeed.None);
        IReadOnlyCollection<DeployEnvironment> targets = task is EnvironmentTask onOne ? [onOne.Environment] : [];
        return new SettingsRequest(needs.Tag, needs.Build, needs.Repository, needs.RegistryLogin, targets);
    }
}
