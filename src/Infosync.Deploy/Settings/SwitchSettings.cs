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
/// containers, the stack a Swarm environment deploys (<c>infosync-ENV</c>), and whether the server decides between
/// Compose and Swarm (<c>ORCHESTRATOR=auto</c>, see <see cref="Deployment.OrchestratorDetection"/>).
/// </summary>
public sealed record SwitchSettings(SwitchKind Kind, TimeSpan DrainTime, string? Stack = null, bool Detect = false)
{
    /// <summary>Today's strategy, with the default drain time.</summary>
    public static readonly SwitchSettings Default = new(SwitchKind.Recreate, TimeSpan.FromSeconds(5));

    /// <summary>The stack of <paramref name="environment"/> on a Swarm: <c>infosync-ENV</c>.</summary>
    public static string StackOf(DeployEnvironment environment) => $"infosync-{environment.Name}";

    /// <summary>These settings for a server that is a Swarm manager running <see cref="StackOf"/> the environment.</summary>
    public SwitchSettings AsSwarm(DeployEnvironment environment) => this with { Kind = SwitchKind.Swarm, Stack = StackOf(environment), Detect = false };

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
            case "AUTO":
                // A rolling switch is a Compose strategy: choosing it chooses Compose.
                return new SwitchSettings(kind, drain, Detect: kind == SwitchKind.Recreate);
            case "SWARM" when kind == SwitchKind.Rolling:
                reader.Invalid(name, "must be 'recreate' with a Swarm orchestrator, which rolls the tasks itself (set the service's deploy.update_config)");
                return new SwitchSettings(kind, drain);
            case "SWARM":
                return new SwitchSettings(kind, drain).AsSwarm(environment);
            default:
                reader.Invalid(orchestratorName, $"must be 'auto', 'compose' or 'swarm', not '{SettingRules.Shorten(reader.Optional(orchestratorName)!)}'");
                return new SwitchSettings(kind, drain);
        }
    }

    private static SwitchKind Invalid(SettingsReader reader, SettingName name, string value)
    {
        reader.Invalid(name, $"must be 'recreate' or 'rolling', not '{SettingRules.Shorten(value)}'");
        return SwitchKind.Recreate;
    }
}
