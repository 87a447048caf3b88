namespace Infosync.Deploy.Settings;

/// <summary>How a deploy moves a service from its old containers to new ones.</summary>
public enum SwitchKind
{
    /// <summary><c>recreate</c>: each container is replaced in place; the service is down for its stop and start.</summary>
    Recreate,

    /// <summary><c>rolling</c>: new containers start beside the old ones behind a proxy, which stop once the new ones are healthy.</summary>
    Rolling,
}

/// <summary>The switch strategy of an environment, and how long a rolling switch lets the proxy move over before stopping the old containers.</summary>
public sealed record SwitchSettings(SwitchKind Kind, TimeSpan DrainTime)
{
    /// <summary>Today's strategy, with the default drain time.</summary>
    public static readonly SwitchSettings Default = new(SwitchKind.Recreate, TimeSpan.FromSeconds(5));

    /// <summary>The strategy's name as the settings spell it.</summary>
    public string Name => Kind == SwitchKind.Rolling ? "rolling" : "recreate";

    /// <summary>Reads and checks the switch settings.</summary>
    public static SwitchSettings Read(SettingsReader reader, DeployEnvironment environment)
    {
        var name = SettingNames.Strategy(environment);
        var value = reader.Optional(name)!;
        var kind = value.Trim().ToUpperInvariant() switch
        {
            "RECREATE" => SwitchKind.Recreate,
            "ROLLING" => SwitchKind.Rolling,
            _ => Invalid(reader, name, value),
        };
        return new SwitchSettings(kind, reader.Seconds(SettingNames.DrainTime(environment), minimum: 0, maximum: 600));
    }

    private static SwitchKind Invalid(SettingsReader reader, SettingName name, string value)
    {
        reader.Invalid(name, $"must be 'recreate' or 'rolling', not '{SettingRules.Shorten(value)}'");
        return SwitchKind.Recreate;
    }
}
