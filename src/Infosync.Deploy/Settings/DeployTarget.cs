namespace Infosync.Deploy.Settings;

/// <summary>Everything a deploy to one environment needs besides the image: the server, the directory, the gates.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="Ssh">How to reach its server.</param>
/// <param name="Directory">The deploy directory, normalised (no <c>//</c>, <c>/./</c> or trailing <c>/</c>), as Compose records it.</param>
/// <param name="Health">When new containers count as healthy.</param>
/// <param name="Lock">How the deploy lock waits and is taken over.</param>
/// <param name="ComposeFiles">The compose files to use, in <c>COMPOSE_FILE</c>'s form, or null to let Compose find them.</param>
/// <param name="Switching">How the services move to new containers; null for <see cref="SwitchSettings.Default"/>.</param>
public sealed record DeployTarget(
    DeployEnvironment Environment,
    SshSettings Ssh,
    string Directory,
    HealthSettings Health,
    LockSettings Lock,
    string? ComposeFiles = null,
    SwitchSettings? Switching = null)
{
    /// <summary>How the services move to new containers.</summary>
    public SwitchSettings Switch => Switching ?? SwitchSettings.Default;

    /// <summary>Reads and checks one environment's settings.</summary>
    public static DeployTarget Read(SettingsReader reader, DeployEnvironment environment, string homeDirectory)
    {
        var ssh = SshSettings.Read(reader, environment, homeDirectory);
        var directoryName = SettingNames.DeployDirectory(environment);
        var directory = reader.Check(directoryName,
            reader.Optional(directoryName)!,
            SettingRules.IsSafeAbsolutePath,
            "must be an absolute path without '..' parts or control characters");
        var filesName = SettingNames.ComposeFile(environment);
        var files = reader.Optional(filesName);
        if (files is not null)
        {
            reader.Check(filesName, files, SettingRules.IsComposeFileList, SettingRules.ComposeFileListRule);
        }

        return new DeployTarget(environment, ssh, SettingRules.NormalizePath(directory),
            HealthSettings.Read(reader, environment), LockSettings.Read(reader, environment), files,
            SwitchSettings.Read(reader, environment));
    }
}
