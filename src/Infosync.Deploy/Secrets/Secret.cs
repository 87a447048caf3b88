namespace Infosync.Deploy.Secrets;

/// <summary>
/// A value that must never be shown: <see cref="ToString"/> is <c>[REDACTED]</c>, so string formatting,
/// logs and plans cannot leak it by accident; only <see cref="Reveal"/> gives the value, at the point of use.
/// </summary>
public sealed class Secret
{
    /// <summary>What is shown in place of any secret.</summary>
    public const string Redacted = "[REDACTED]";

    private readonly string value;

    /// <summary>Wraps <paramref name="value"/>.</summary>
    public Secret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        this.value = value;
    }

    /// <summary>The secret value, for writing to a process's stdin or an authentication call.</summary>
    public string Reveal() => value;

    /// <summary>Always <see cref="Redacted"/>.</summary>
    public override string ToString() => Redacted;
}
