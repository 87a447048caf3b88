namespace Infosync.Deploy.Settings;

/// <summary>What <c>docker build</c> reads: the Dockerfile (null: the context's own) and the context directory.</summary>
public sealed record BuildSettings(string? Dockerfile, string Context)
{
    /// <summary>Reads and checks the build settings; relative paths are taken from <paramref name="workingDirectory"/>.</summary>
    public static BuildSettings Read(SettingsReader reader, string workingDirectory)
    {
        var context = FullPath(reader, SettingNames.BuildContext, reader.Optional(SettingNames.BuildContext)!, workingDirectory);
        if (!Directory.Exists(context))
        {
            reader.Invalid(SettingNames.BuildContext, $"directory '{SettingRules.Shorten(context)}' does not exist");
        }

        var dockerfileSetting = reader.Optional(SettingNames.Dockerfile);
        var dockerfile = dockerfileSetting is null
            ? null
            : FullPath(reader, SettingNames.Dockerfile, dockerfileSetting, workingDirectory);
        var effective = dockerfile ?? Path.Combine(context, "Dockerfile");
        if (!File.Exists(effective))
        {
            reader.Invalid(SettingNames.Dockerfile, $"file '{SettingRules.Shorten(effective)}' does not exist");
        }

        return new BuildSettings(dockerfile, context);
    }

    private static string FullPath(SettingsReader reader, SettingName name, string value, string workingDirectory)
    {
        if (!SettingRules.IsPrintable(value))
        {
            reader.Invalid(name, "must be a path without control characters");
            return workingDirectory;
        }

        return Path.GetFullPath(value, workingDirectory);
    }
}
