using Cake.Core.Diagnostics;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Remote;

/// <summary>
/// Decides whether to trust the key a host presents, by known_hosts and the StrictHostKeyChecking policy, and
/// explains a refusal with the key's SHA256 fingerprint and the exact line that would pin it.
/// </summary>
public sealed class HostKeyVerifier(KnownHostsSource knownHosts, HostKeyPolicy policy, bool mayRecord, ICakeLog log)
{
    /// <summary>Why the last key was refused, or null.</summary>
    public string? Rejection { get; private set; }

    /// <summary>Whether to trust <paramref name="keyBlob"/> for the host; records it under accept-new.</summary>
    public bool Verify(string host, int port, byte[] keyBlob)
    {
        ArgumentNullException.ThrowIfNull(keyBlob);
        var name = KnownHosts.HostName(host, port);
        var key = $"{KnownHosts.KeyType(keyBlob)} {KnownHosts.Fingerprint(keyBlob)}";
        var line = KnownHosts.Line(host, port, keyBlob);
        switch (KnownHosts.Parse(knownHosts.Load()).Check(host, port, keyBlob))
        {
            case HostKeyStatus.Known:
                return true;
            case HostKeyStatus.Revoked:
                return Refuse($"The host key of {name} ({key}) is marked @revoked in known_hosts.");
            case HostKeyStatus.Changed when policy != HostKeyPolicy.Off:
                return Refuse($"The host key of {name} has CHANGED ({key}); someone may be intercepting the connection. " +
                    $"If the server's key was replaced on purpose, replace its known_hosts line with: {line}");
            case HostKeyStatus.Changed:
                log.Warning("The host key of {0} has CHANGED ({1}); accepted because host key checking is off.", name, key);
                return true;
            case HostKeyStatus.Unknown when policy == HostKeyPolicy.Strict:
                return Refuse($"The host key of {name} is not known ({key}). Check that fingerprint on the server " +
                    $"(ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub), then pin it by adding this line to " +
                    $"{SettingNames.SshKnownHosts.Display}: {line}");
            default:
                log.Warning("Trusting the new host key of {0} ({1}).", name, key);
                Record(line);
                return true;
        }
    }

    private bool Refuse(string reason)
    {
        Rejection = reason;
        return false;
    }

    private void Record(string line)
    {
        if (policy != HostKeyPolicy.AcceptNew || !mayRecord || knownHosts.FilePath is null)
        {
            return;
        }

        var directory = Path.GetDirectoryName(knownHosts.FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var needsNewline = File.Exists(knownHosts.FilePath) && !File.ReadAllText(knownHosts.FilePath).EndsWith('\n')
            && new FileInfo(knownHosts.FilePath).Length > 0;
        File.AppendAllText(knownHosts.FilePath, (needsNewline ? "\n" : string.Empty) + line + "\n");
    }
}
