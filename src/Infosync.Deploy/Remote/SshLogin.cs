using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Remote;

/// <summary>How one hop authenticates: with a key, a password, or both tried in that order.</summary>
internal sealed record SshLogin(Secret? Password, Secret? PrivateKey)
{
    /// <summary>The target's own login.</summary>
    public static SshLogin Target(SshSettings settings) => new(settings.Password, settings.PrivateKey);

    /// <summary>The jump hosts' login: their own credentials when any is given, else the target's.</summary>
    public static SshLogin Jump(SshSettings settings) => settings.ProxyJump is { HasOwnCredentials: true } jump
        ? new(jump.Password, jump.PrivateKey)
        : Target(settings);
}
