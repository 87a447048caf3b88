namespace Infosync.Deploy.Settings;

/// <summary>Where known host keys come from: a file (which accept-new may append to) or text given directly.</summary>
public sealed record KnownHostsSource(string? FilePath, string? Text)
{
    /// <summary>The known_hosts lines.</summary>
    public string Load() => Text ?? (FilePath is not null && File.Exists(FilePath) ? File.ReadAllText(FilePath) : string.Empty);

    /// <summary>Reads the setting: a path when such a file exists, else known_hosts text; <c>~/.ssh/known_hosts</c> by default.</summary>
    public static KnownHostsSource Read(SettingsReader reader, string homeDirectory, HostKeyPolicy policy)
    {
        var value = reader.Optional(SettingNames.SshKnownHosts);
        if (value is null)
        {
            return new KnownHostsSource(Path.Combine(homeDirectory, ".ssh", "known_hosts"), null);
        }

        // A file that does not exist yet is fine when new keys are to be recorded in it, as OpenSSH does.
        if (File.Exists(value) || (policy != HostKeyPolicy.Strict && Path.IsPathRooted(value) && !value.Contains(' ', StringComparison.Ordinal)))
        {
            return new KnownHostsSource(value, null);
        }

        if (!value.Contains(' ', StringComparison.Ordinal) || Remote.KnownHosts.Parse(value).IsEmpty)
        {
            reader.Invalid(SettingNames.SshKnownHosts,
                $"is neither known_hosts text with at least one host key nor an existing file: '{SettingRules.Shorten(value)}'");
        }

        return new KnownHostsSource(null, value);
    }
}
