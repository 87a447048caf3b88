namespace Infosync.Deploy.Settings;

/// <summary>A server environment a deploy targets; its name scopes variables (<c>DEV_SSH_HOST</c>) and paths.</summary>
public sealed record DeployEnvironment(string Name)
{
    /// <summary>The development server, deployed on every push.</summary>
    public static readonly DeployEnvironment Dev = new("dev");

    /// <summary>The pilot server.</summary>
    public static readonly DeployEnvironment Pilot = new("pilot");

    /// <summary>The staging server.</summary>
    public static readonly DeployEnvironment Stage = new("stage");

    /// <summary>Every environment, in promotion order.</summary>
    public static IReadOnlyList<DeployEnvironment> All { get; } = [Dev, Pilot, Stage];

    /// <summary>The prefix of environment-scoped variables: <c>DEV</c>, <c>PILOT</c>, <c>STAGE</c>.</summary>
    public string VariablePrefix => Name.ToUpperInvariant();

    /// <inheritdoc/>
    public override string ToString() => Name;
}
