using Infosync.Deploy.Secrets;

namespace Infosync.Deploy.Settings;

/// <summary>
/// The jump hosts the target is reached through, in order (OpenSSH's ProxyJump), and how they authenticate: with
/// their own password or key when one is given, otherwise with the target's. A hop without <c>user@</c> logs in as
/// the target's user (OpenSSH would take the local user, which on a CI runner names nobody on the servers).
/// </summary>
public sealed record ProxyJump(IReadOnlyList<SshHop> Hops, Secret? Password, Secret? PrivateKey)
{
    /// <summary>The most hops a chain may have.</summary>
    public const int MaximumHops = 8;

    /// <summary>Whether the jump hosts have credentials of their own.</summary>
    public bool HasOwnCredentials => Password is not null || PrivateKey is not null;

    /// <summary>
    /// Reads the chain; null when none is set, or when it is <c>none</c> (as in OpenSSH, to override a wider setting).
    /// The jump hosts' own credentials are checked even then, so a bad value is never passed over in silence.
    /// </summary>
    public static ProxyJump? Read(SettingsReader reader, DeployEnvironment environment, string targetUsername, Secret? passphrase)
    {
        var passwordName = SettingNames.SshProxyJumpPassword(environment);
        var password = reader.Optional(passwordName);
        if (password is not null && !SettingRules.IsPrintable(password))
        {
            reader.Invalid(passwordName, "must be at most 1024 characters without control characters");
        }

        var key = PrivateKeySetting.Read(reader, SettingNames.SshProxyJumpPrivateKey(environment), passphrase,
            SettingNames.SshPrivateKeyPassphrase(environment));
        var name = SettingNames.SshProxyJump(environment);
        var value = reader.Optional(name);
        if (value is null || value.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = value.Split(',');
        if (parts.Length > MaximumHops)
        {
            reader.Invalid(name, $"must name at most {MaximumHops} jump hosts, not {parts.Length}");
            return null;
        }

        var hops = new List<SshHop>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (SshHopParser.TryParse(parts[i], targetUsername) is not { } hop)
            {
                reader.Invalid(name, $"jump host {i + 1} must be [user@]host[:port] with a host name or IPv4 address " +
                    $"and a port from 1 to 65535, jump hosts separated by ',', not '{SettingRules.Shorten(parts[i])}'");
                return null;
            }

            hops.Add(hop);
        }

        return new ProxyJump(hops, password is null ? null : new Secret(password), key);
    }
}
