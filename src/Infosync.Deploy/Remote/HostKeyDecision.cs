namespace Infosync.Deploy.Remote;

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
