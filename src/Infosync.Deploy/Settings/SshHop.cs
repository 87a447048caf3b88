namespace Infosync.Deploy.Settings;

/// <summary>One SSH server on the way to the target: a jump host of OpenSSH's ProxyJump, or the target itself.</summary>
public sealed record SshHop(string Username, string Host, int Port)
{
    /// <summary>How the hop is named in output: <c>deployer@bastion:22</c>.</summary>
    public string Display => $"{Username}@{Host}:{Port}";

    /// <inheritdoc/>
    public override string ToString() => Display;
}
