namespace Infosync.Deploy.Settings;

/// <summary>How long to wait for another deploy's lock, and when a lock left behind is taken over.</summary>
public sealed record LockSettings(TimeSpan Wait, TimeSpan StaleAfter)
{
    /// <summary>Reads and checks the lock's settings.</summary>
    public static LockSettings Read(SettingsReader reader, DeployEnvironment environment) => new(
        reader.Seconds(SettingNames.LockWait(environment), minimum: 0, maximum: 86400),
        reader.Seconds(SettingNames.LockStaleAfter(environment), minimum: 1, maximum: 31_536_000));
}
