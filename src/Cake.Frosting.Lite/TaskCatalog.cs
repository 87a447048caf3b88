using System.Reflection;
using Cake.Core;

namespace Cake.Frosting;

/// <summary>Finds task classes by reflection and registers them with the engine, keeping Frosting's conventions.</summary>
internal sealed class TaskCatalog
{
    private readonly Dictionary<Type, string> namesByType;
    private readonly Dictionary<Type, IFrostingTask> tasksByType;

    public TaskCatalog(Assembly assembly)
    {
        namesByType = assembly.GetTypes()
            .Where(t => typeof(IFrostingTask).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .ToDictionary(t => t, NameOf);
        tasksByType = namesByType.Keys.ToDictionary(t => t, t => (IFrostingTask)Activator.CreateInstance(t)!);
    }

    /// <summary>One object of each task class, the one the engine runs.</summary>
    public IReadOnlyCollection<IFrostingTask> Tasks => tasksByType.Values;

    public IReadOnlyCollection<string> Names => namesByType.Values;

    public bool Contains(string name) => namesByType.Values.Contains(name, StringComparer.OrdinalIgnoreCase);

    public void Register(ICakeEngine engine, Func<ICakeContext> typedContext)
    {
        foreach (var (type, name) in namesByType)
        {
            var task = tasksByType[type];
            var builder = engine.RegisterTask(name).Does(_ => task.RunAsync(typedContext()));
            var description = type.GetCustomAttribute<TaskDescriptionAttribute>()?.Description;
            if (description is not null)
            {
                builder.Description(description);
            }

            foreach (var dependency in type.GetCustomAttributes<IsDependentOnAttribute>())
            {
                builder.IsDependentOn(NameOfRegistered(dependency.Task));
            }
        }
    }

    private string NameOfRegistered(Type type) => namesByType.TryGetValue(type, out var name)
        ? name
        : throw new InvalidOperationException($"Task type {type.Name} is not a concrete task in the host's assembly.");

    private static string NameOf(Type type)
    {
        var declared = type.GetCustomAttribute<TaskNameAttribute>()?.Name;
        if (declared is not null)
        {
            return declared;
        }

        return type.Name.EndsWith("Task", StringComparison.Ordinal) ? type.Name[..^4] : type.Name;
    }
}
