namespace Infosync.Deploy.Settings;

/// <summary>What to do with a host key that is not in known_hosts, as OpenSSH's StrictHostKeyChecking means it.</summary>
public enum HostKeyPolicy
{
    /// <summary><c>yes</c>: only known keys are accepted.</summary>
    Strict,

    /// <summary><c>accept-new</c>: an unknown host's key is accepted and recorded; a changed key is refused.</summary>
    AcceptNew,

    /// <summary><c>no</c>: any key is accepted; a changed key is still reported.</summary>
    Off,
}
