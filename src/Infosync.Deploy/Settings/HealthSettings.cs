namespace Infosync.Deploy.Settings;

/// <summary>When a new container counts as healthy: its own health state, and a URL fetched on the server when set.</summary>
public sealed record HealthSettings(string? Url, TimeSpan Timeout)
{
    /// <summary>Reads and checks the health gate's settings.</summary>
    public static HealthSettings Read(SettingsReader reader, DeployEnvironment environment)
    {
        var urlName = SettingNames.HealthUrl(environment);
        var url = reader.Optional(urlName);
        if (url is not null)
        {
            reader.Check(urlName, url, SettingRules.IsHttpUrl, "must be an absolute http:// or https:// URL");
        }

        var timeout = reader.Seconds(SettingNames.HealthTimeout(environment), fallback: 60, minimum: 1, maximum: 3600);
        return new HealthSettings(url, timeout);
    }
}
