using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Remote;

/// <summary>
/// Whether to trust the key a host presented, decided as OpenSSH decides it from known_hosts and StrictHostKeyChecking,
/// except that nothing is ever trusted silently: a host certificate is trusted only when a <c>@cert-authority</c> line
/// names its CA for the host and the certificate is valid for it; a host that known_hosts trusts through a CA is never
/// recorded as new; a revoked key is refused under every policy.
/// </summary>
public static class HostKeyRules
{
    /// <summary>The decision for <paramref name="keyBlob"/> (and the certificate carrying it, if any) presented by the host.</summary>
    public static HostKeyDecision Decide(
        KnownHosts known, string host, int port, byte[] keyBlob, HostCertificate? certificate, HostKeyPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(keyBlob);
        var name = KnownHosts.HostName(host, port);
        var key = $"{KnownHosts.KeyType(keyBlob)} {KnownHosts.Fingerprint(keyBlob)}";
        var status = known.Check(host, port, keyBlob);
        if (status == HostKeyStatus.Revoked)
        {
            return HostKeyDecision.Refuse($"The host key of {name} ({key}) is marked @revoked in known_hosts.");
        }

        if (certificate is not null && (known.HasCertificateAuthority(host, port) || known.IsRevoked(host, port, certificate.AuthorityKey)))
        {
            return Certified(known, host, port, certificate, status, policy, now, name, key);
        }

        var line = KnownHosts.Line(host, port, keyBlob);
        return status switch
        {
            HostKeyStatus.Known => HostKeyDecision.Trusted,
            HostKeyStatus.Changed => Unless(policy, Changed(known, host, port, keyBlob, name, key, line)),
            _ when known.HasCertificateAuthority(host, port) => Unless(policy,
                $"known_hosts trusts only host certificates for {name} (@cert-authority), but the server presented a plain " +
                $"key ({key}) that no line pins. If that key is right, pin it with: {line}"),
            _ when policy == HostKeyPolicy.Strict => HostKeyDecision.Refuse(
                $"The host key of {name} is not known ({key}). Check that fingerprint on the server " +
                $"(ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub), then pin it by adding this line to " +
                $"{SettingNames.SshKnownHosts.Display}: {line}"),
            _ when policy == HostKeyPolicy.AcceptNew => HostKeyDecision.RecordNew($"Trusting the new host key of {name} ({key})."),
            _ => HostKeyDecision.Warn($"Trusting the new host key of {name} ({key}); host key checking is off."),
        };
    }

    private static HostKeyDecision Certified(
        KnownHosts known, string host, int port, HostCertificate certificate, HostKeyStatus status, HostKeyPolicy policy,
        DateTimeOffset now, string name, string key)
    {
        var authority = KnownHosts.Fingerprint(certificate.AuthorityKey);
        if (known.IsRevoked(host, port, certificate.AuthorityKey))
        {
            return HostKeyDecision.Refuse($"The host certificate of {name} is signed by a CA ({authority}) that is marked @revoked in known_hosts.");
        }

        var problem = known.TrustsAuthority(host, port, certificate.AuthorityKey)
            ? certificate.Problem(host, now)
            : $"its CA ({authority}) is not one a @cert-authority line of known_hosts trusts for {name}";
        if (problem is null)
        {
            return HostKeyDecision.Trusted;
        }

        // OpenSSH falls back to the certificate's plain key: a pinned key stays trusted.
        return status == HostKeyStatus.Known
            ? HostKeyDecision.Warn($"The host certificate of {name} is not valid ({problem}); trusted because its key ({key}) is pinned in known_hosts.")
            : Unless(policy, $"The host certificate of {name} ({key}) is refused: {problem}.");
    }

    private static string Changed(KnownHosts known, string host, int port, byte[] keyBlob, string name, string key, string line)
    {
        var pinned = known.KeyTypesFor(host, port);
        return pinned.Contains(KnownHosts.KeyType(keyBlob))
            ? $"The host key of {name} has CHANGED ({key}); someone may be intercepting the connection. " +
              $"If the server's key was replaced on purpose, replace its known_hosts line with: {line}"
            : $"The host key of {name} is not one known_hosts pins: the server presented {key}, but known_hosts lists only " +
              $"{string.Join(", ", pinned.Order(StringComparer.Ordinal))} for it; someone may be intercepting the connection. " +
              $"If the server's keys were replaced on purpose, replace its known_hosts lines with: {line}";
    }

    /// <summary>A refusal, or under <c>no</c> a warning that says what would have been refused.</summary>
    private static HostKeyDecision Unless(HostKeyPolicy policy, string reason) => policy == HostKeyPolicy.Off
        ? HostKeyDecision.Warn(reason + " Accepted because host key checking is off.")
        : HostKeyDecision.Refuse(reason);
}

/// <summary>What to do with the key a host presented: trust it (and record it, under accept-new) or refuse it, and what to say.</summary>
public sealed record HostKeyDecision(bool Trust, bool Record, string? Warning, string? Rejection)
{
    /// <summary>Trusted without a word: the key or its CA is known.</summary>
    public static HostKeyDecision Trusted { get; } = new(true, false, null, null);

    /// <summary>Trusted with a warning.</summary>
    public static HostKeyDecision Warn(string warning) => new(true, false, warning, null);

    /// <summary>Trusted, with a warning, and recorded in known_hosts.</summary>
    public static HostKeyDecision RecordNew(string warning) => new(true, true, warning, null);

    /// <summary>Refused; the reason is one line.</summary>
    public static HostKeyDecision Refuse(string rejection) => new(false, false, null, rejection);
}
