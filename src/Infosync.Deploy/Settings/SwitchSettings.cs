namespace Infosync.Deploy.Settings;

/// <summary>How a deploy moves a service from its old containers to new ones.</summary>
public enum SwitchKind
{
    /// <summary><c>recreate</c>: each container is replaced in place; the service is down for its stop and start.</summary>
    Recreate,

    /// <summary><c>rolling</c>: new containers start beside the old ones behind a proxy, which stop once the new ones are healthy.</summary>
    Rolling,

    /// <summary>The server is a Docker Swarm manager (<c>ORCHESTRATOR=swarm</c>): the stack is deployed, and Swarm replaces the tasks.</summary>
    Swarm,
}

/// <summary>
/// The switch strategy of an environment, how long a rolling switch lets the proxy move over before stopping the old
/// containers, and the stack a Swarm environment deploys (<c>infosync-ENV</c>).
/// </summary>
public sealed record SwitchSettings(SwitchKind Kind, TimeSpan DrainTime, string? Stack = null)
{
    /// <summary>Today's strategy, with the default drain time.</summary>
    public static readonly SwitchSettings Default = new(SwitchKind.Recreate, TimeSpan.FromSeconds(5));

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
        var drain = reader.Seconds(SettingNames.DrainTime(environment), minimum: 0, maximum: 600);
        var orchestratorName = SettingNames.Orchestrator(environment);
        switch (reader.Optional(orchestratorName)!.Trim().ToUpperInvariant())
        {
            case "COMPOSE":
                return new SwitchSettings(kind, drain);
            case "SWARM" when kind == SwitchKind.Rolling:
                reader.Invalid(name, "must be 'recreate' with a Swarm orchestrator, which rolls the tasks itself (set the service's deploy.update_config)");
                return new SwitchSettings(kind, drain);
            case "SWARM":
                return new SwitchSettings(SwitchKind.Swarm, drain, $"infosync-{environment.Name}");
            default:
                reader.Invalid(orchestratorName, $"must be 'compose' or 'swarm', not '{SettingRules.Shorten(reader.Optional(orchestratorName)!)}'");
                return new SwitchSettings(kind, drain);
        }
    }

    private static SwitchKind Invalid(SettingsReader reader, SettingName name, string value)
    {
        reader.Invalid(name, $"must be 'recreate' or 'rolling', not '{SettingRules.Shorten(value)}'");
        return SwitchKind.Recreate;
    }
}
