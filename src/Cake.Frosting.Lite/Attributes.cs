namespace Cake.Frosting;

/// <summary>The name a task is registered and targeted by.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TaskNameAttribute(string name) : Attribute
{
    /// <summary>The task's name.</summary>
    public string Name { get; } = name;
}

/// <summary>The description shown by <c>--description</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TaskDescriptionAttribute(string description) : Attribute
{
    /// <summary>The task's description.</summary>
    public string Description { get; } = description;
}

/// <summary>A task that must run before the attributed one.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class IsDependentOnAttribute(Type task) : Attribute
{
    /// <summary>The task type depended on.</summary>
    public Type Task { get; } = task;
}
