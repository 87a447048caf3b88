namespace Infosync.Deploy.Settings;

/// <summary>
/// When a new container counts as healthy: Docker's health state when the image has a HEALTHCHECK, else running
/// without a restart for <see cref="Settle"/>; and a URL fetched on the server answering 2xx, when set.
/// </summary>
public sealed record HealthSettings(string? Url, TimeSpan Timeout, TimeSpan Settle)
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

        var timeout = reader.Seconds(SettingNames.HealthTimeout(environment), minimum: 1, maximum: 3600);
        var settle = reader.Seconds(SettingNames.HealthSettle(environment), minimum: 0, maximum: 600);
        return new HealthSettings(url, timeout, settle);
    }
}
