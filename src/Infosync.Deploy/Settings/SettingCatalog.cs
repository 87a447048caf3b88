using System.Reflection;

namespace Infosync.Deploy.Settings;

/// <summary>
/// Every argument and environment variable a names class declares, found by reflection, so that a new
/// <see cref="SettingName"/> field or per-environment method is known with no other edit.
/// </summary>
public sealed class SettingCatalog
{
    private SettingCatalog(IReadOnlyList<IReadOnlyList<SettingName>> declarations, IReadOnlyList<string> switches)
    {
        Declarations = declarations;
        Switches = switches;
        Settings = [.. declarations.SelectMany(d => d)];
        Arguments = [.. Settings.Select(s => s.Argument).Concat(switches).Distinct()];
        Variables = [.. Settings.SelectMany(s => s.Variables).Distinct()];
    }

    /// <summary>The settings of <see cref="SettingNames"/>, with its plan-mode switches.</summary>
    public static SettingCatalog Default { get; } = Of(typeof(SettingNames), SettingNames.DryRunArguments);

    /// <summary>Each declared setting in declaration order: one name, or a per-environment one's name for each environment.</summary>
    public IReadOnlyList<IReadOnlyList<SettingName>> Declarations { get; }

    /// <summary>The bare switches, without the leading <c>--</c>, all of one meaning.</summary>
    public IReadOnlyList<string> Switches { get; }

    /// <summary>Every setting, per-environment ones once for each environment.</summary>
    public IReadOnlyList<SettingName> Settings { get; }

    /// <summary>Every argument name, without the leading <c>--</c>, in declaration order.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Every environment variable read, in declaration order.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>
    /// The public static <see cref="SettingName"/> fields and properties of <paramref name="names"/>, and its public
    /// static methods from a <see cref="DeployEnvironment"/> to a <see cref="SettingName"/>, called for every
    /// environment; plus the bare <paramref name="switches"/>. A method of any other shape is a mistake: it throws.
    /// </summary>
    public static SettingCatalog Of(Type names, IEnumerable<string> switches)
    {
        ArgumentNullException.ThrowIfNull(names);
        const BindingFlags PublicStatic = BindingFlags.Public | BindingFlags.Static;
        var fields = names.GetFields(PublicStatic)
            .Where(f => f.FieldType == typeof(SettingName))
            .Select(f => (IReadOnlyList<SettingName>)[(SettingName)f.GetValue(null)!]);
        var properties = names.GetProperties(PublicStatic)
            .Where(p => p.PropertyType == typeof(SettingName))
            .Select(p => (IReadOnlyList<SettingName>)[(SettingName)p.GetValue(null)!]);
        var scoped = names.GetMethods(PublicStatic)
            .Where(m => m.ReturnType == typeof(SettingName) && !m.IsSpecialName)
            .Select(m => (IReadOnlyList<SettingName>)[.. DeployEnvironment.All.Select(e => (SettingName)PerEnvironment(m).Invoke(null, [e])!)]);
        return new SettingCatalog([.. fields.Concat(properties).Concat(scoped)], [.. switches]);
    }

    private static MethodInfo PerEnvironment(MethodInfo method) =>
        method.GetParameters() is [{ ParameterType: var type }] && type == typeof(DeployEnvironment)
            ? method
            : throw new InvalidOperationException(
                $"{method.DeclaringType?.Name}.{method.Name} must take exactly one {nameof(DeployEnvironment)} to be a known setting.");
}
