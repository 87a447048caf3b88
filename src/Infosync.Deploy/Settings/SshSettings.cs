using Infosync.Deploy.Secrets;

namespace Infosync.Deploy.Settings;

/// <summary>How to reach an environment's server: over SSH, or on this machine when the host is <c>local</c>.</summary>
public sealed record SshSettings(
    string Host,
    int Port,
    string? Username,
    Secret? Password,
    Secret? PrivateKey,
    KnownHostsSource KnownHosts,
    HostKeyPolicy HostKeyPolicy,
    TimeSpan ConnectTimeout,
    Secret? PrivateKeyPassphrase = null,
    ProxyJump? ProxyJump = null)
{
    /// <summary>The host name that means "run the steps here, without SSH".</summary>
    public const string LocalHost = "local";

    /// <summary>Whether the steps run on this machine.</summary>
    public bool IsLocal => string.Equals(Host, LocalHost, StringComparison.OrdinalIgnoreCase);

    /// <summary>How the host is named in output: <c>deployer@host:22</c> or <c>local</c>.</summary>
    public string Display => IsLocal ? LocalHost : $"{Username}@{Host}:{Port}";

    /// <summary>The server itself, as the last hop of the way there.</summary>
    public SshHop Target => new(Username ?? string.Empty, Host, Port);

    /// <summary>The secrets these settings hold, for scrubbing text that comes back from servers.</summary>
    public IEnumerable<Secret?> Secrets => [Password, PrivateKey, PrivateKeyPassphrase, ProxyJump?.Password, ProxyJump?.PrivateKey];

    /// <summary>Reads and checks one environment's SSH settings.</summary>
    public static SshSettings Read(SettingsReader reader, DeployEnvironment environment, string homeDirectory)
    {
        var hostName = SettingNames.SshHost(environment);
        var host = reader.Check(hostName, reader.Required(hostName),
            v => v.Equals(LocalHost, StringComparison.OrdinalIgnoreCase) || SettingRules.IsHostName(v),
            $"must be a host name or IPv4 address (put the port in {SettingNames.SshPort(environment).Display}), or 'local'");
        var portName = SettingNames.SshPort(environment);
        var port = reader.Check(portName, reader.Optional(portName)!,
            v => SettingRules.IsWholeNumber(v, 1, 65535, out _), "must be a port number from 1 to 65535");
        var timeout = reader.Seconds(SettingNames.SshTimeout(environment), minimum: 1, maximum: 600);
        var policy = ReadPolicy(reader);
        var knownHosts = KnownHostsSource.Read(reader, homeDirectory, policy);
        if (host.Equals(LocalHost, StringComparison.OrdinalIgnoreCase))
        {
            if (reader.Optional(SettingNames.SshProxyJump(environment)) is { } jumpValue && !jumpValue.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                reader.Problem($"{SettingNames.SshProxyJump(environment).Display}: a jump host needs an SSH server, " +
                    $"but {hostName.Display} is '{LocalHost}' (set it to 'none' for this environment)");
            }

            return new SshSettings(LocalHost, 0, null, null, null, knownHosts, policy, timeout);
        }

        var usernameName = SettingNames.SshUsername(environment);
        var username = reader.Check(usernameName, reader.Required(usernameName), SettingRules.IsPrintable,
            "must be a user name without control characters");
        var password = reader.Optional(SettingNames.SshPassword(environment));
        if (password is not null && !SettingRules.IsPrintable(password))
        {
            reader.Invalid(SettingNames.SshPassword(environment), "must be at most 1024 characters without control characters");
        }

        var passphraseName = SettingNames.SshPrivateKeyPassphrase(environment);
        var passphrase = reader.Optional(passphraseName);
        if (passphrase is not null && !SettingRules.IsPrintable(passphrase))
        {
            reader.Invalid(passphraseName, "must be at most 1024 characters without control characters");
        }

        var passphraseSecret = passphrase is null ? null : new Secret(passphrase);
        var privateKey = PrivateKeySetting.Read(reader, SettingNames.SshPrivateKey(environment), passphraseSecret, passphraseName);
        var jump = ProxyJump.Read(reader, environment, username, passphraseSecret);
        // A key that was given but cannot be used is already reported as such.
        if (password is null && reader.Optional(SettingNames.SshPrivateKey(environment)) is null && host.Length > 0)
        {
            reader.Problem($"SSH to {environment} needs {SettingNames.SshPassword(environment).Display} " +
                $"or {SettingNames.SshPrivateKey(environment).Display}");
        }

        return new SshSettings(host, int.TryParse(port, out var number) ? number : 22, username,
            password is null ? null : new Secret(password), privateKey, knownHosts, policy, timeout, passphraseSecret, jump);
    }

    private static HostKeyPolicy ReadPolicy(SettingsReader reader)
    {
        var value = reader.Optional(SettingNames.SshStrictHostKeyChecking)!;
        switch (value.ToUpperInvariant())
        {
            case "YES":
                return HostKeyPolicy.Strict;
            case "ACCEPT-NEW":
                return HostKeyPolicy.AcceptNew;
            case "NO":
                return HostKeyPolicy.Off;
            default:
                reader.Invalid(SettingNames.SshStrictHostKeyChecking,
                    $"must be yes, accept-new or no, not '{SettingRules.Shorten(value)}'");
                return HostKeyPolicy.Strict;
        }
    }
}
