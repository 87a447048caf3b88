using Infosync.Deploy.Images;
using Infosync.Deploy.Secrets;

namespace Infosync.Deploy.Settings;

/// <summary>The Harbor registry, the image's place in it, and the credentials when a task logs in.</summary>
public sealed record RegistrySettings(string Host, string Project, string ImageName, string? Username, Secret? Password)
{
    /// <summary>The repository every image of this project lives in: <c>host/project/name</c>.</summary>
    public string Repository => $"{Host}/{Project}/{ImageName}";

    /// <summary>Whether a login is possible.</summary>
    public bool HasCredentials => Username is not null && Password is not null;

    /// <summary>The image of this repository with <paramref name="tag"/>.</summary>
    public ImageReference Image(string tag) => ImageReference.Parse(Repository).WithTag(tag);

    /// <summary>Reads the registry settings; credentials are required only when <paramref name="needsLogin"/>.</summary>
    public static RegistrySettings Read(SettingsReader reader, bool needsLogin)
    {
        var host = reader.Check(SettingNames.HarborHost, reader.Required(SettingNames.HarborHost),
            SettingRules.IsHostWithOptionalPort, SettingRules.HostRule);
        var project = reader.Check(SettingNames.HarborProject, reader.Optional(SettingNames.HarborProject)!,
            SettingRules.IsRepositoryComponent, SettingRules.RepositoryRule);
        var name = reader.Check(SettingNames.ImageName, reader.Optional(SettingNames.ImageName)!,
            SettingRules.IsRepositoryPath, SettingRules.RepositoryRule + ", with '/' between path parts");
        var username = needsLogin
            ? reader.Required(SettingNames.HarborUsername)
            : reader.Optional(SettingNames.HarborUsername);
        var password = needsLogin
            ? reader.Required(SettingNames.HarborPassword)
            : reader.Optional(SettingNames.HarborPassword);
        CheckPrintable(reader, SettingNames.HarborUsername, username);
        CheckPrintable(reader, SettingNames.HarborPassword, password);
        return new RegistrySettings(
            host, project, name,
            string.IsNullOrEmpty(username) ? null : username,
            string.IsNullOrEmpty(password) ? null : new Secret(password));
    }

    private static void CheckPrintable(SettingsReader reader, SettingName name, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !SettingRules.IsPrintable(value))
        {
            reader.Invalid(name, "must be at most 1024 characters without control characters such as newlines");
        }
    }
}
