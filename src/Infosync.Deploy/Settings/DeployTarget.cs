namespace Infosync.Deploy.Settings;

/// <summary>Everything a deploy to one environment needs besides the image: the server, the directory, the gates.</summary>
public sealed record DeployTarget(
    DeployEnvironment Environment,
    SshSettings Ssh,
    string Directory,
    HealthSettings Health,
    LockSettings Lock)
{
    /// <summary>The compose file the deploy edits.</summary>
    public string ComposeFile => $"{Directory}/docker-compose.yml";

    /// <summary>Reads and checks one environment's settings.</summary>
    public static DeployTarget Read(SettingsReader reader, DeployEnvironment environment, string homeDirectory)
    {
        var ssh = SshSettings.Read(reader, environment, homeDirectory);
        var directoryName = SettingNames.DeployDirectory(environment);
        var directory = reader.Check(directoryName,
            reader.Optional(directoryName, environment.DefaultDeployDirectory)!,
            SettingRules.IsSafeAbsolutePath,
            "must be an absolute path without '.' or '..' parts or control characters");
        return new DeployTarget(environment, ssh, directory.TrimEnd('/'),
            HealthSettings.Read(reader, environment), LockSettings.Read(reader, environment));
    }
}
