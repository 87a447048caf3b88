using Cake.Core.Diagnostics;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Remote;

/// <summary>
/// Applies <see cref="HostKeyRules"/> to the keys hosts present: logs its warnings, records new keys under accept-new,
/// and keeps the reason for the last refusal, which names the key's SHA256 fingerprint and the line that would pin it.
/// One verifier serves every host of a connection (the jump hosts, then the target), one after the other.
/// </summary>
public sealed class HostKeyVerifier(KnownHostsSource knownHosts, HostKeyPolicy policy, bool mayRecord, ICakeLog log, TimeProvider? clock = null)
{
    /// <summary>Why the last key was refused, or null.</summary>
    public string? Rejection { get; private set; }

    /// <summary>Whether to trust <paramref name="keyBlob"/> (carried by <paramref name="certificate"/>, if any) for the host.</summary>
    public bool Verify(string host, int port, byte[] keyBlob, HostCertificate? certificate = null)
    {
        ArgumentNullException.ThrowIfNull(keyBlob);
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var decision = HostKeyRules.Decide(KnownHosts.Parse(knownHosts.Load()), host, port, keyBlob, certificate, policy, now);
        Rejection = decision.Rejection;
        if (decision.Warning is not null)
        {
            log.Warning("{0}", decision.Warning);
        }

        if (decision.Record)
        {
            Record(KnownHosts.Line(host, port, keyBlob));
        }

        return decision.Trust;
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
