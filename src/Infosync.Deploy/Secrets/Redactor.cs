namespace Infosync.Deploy.Secrets;

/// <summary>
/// Replaces known secret values in text that did not come from our own formatting (a remote command's
/// output, an exception message), as a second line of defence behind <see cref="Secret"/>.
/// </summary>
public sealed class Redactor
{
    private readonly string[] values;

    /// <summary>Redacts every non-empty value of <paramref name="secrets"/>, longest first.</summary>
    public Redactor(IEnumerable<Secret?> secrets)
    {
        values = secrets
            .Where(s => s is not null)
            .Select(s => s!.Reveal())
            .Where(v => v.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)
            .ToArray();
    }

    /// <summary>A redactor that changes nothing.</summary>
    public static Redactor None { get; } = new([]);

    /// <summary><paramref name="text"/> with every secret value replaced by <see cref="Secret.Redacted"/>.</summary>
    public string Redact(string text) =>
        values.Aggregate(text, (current, value) => current.Replace(value, Secret.Redacted, StringComparison.Ordinal));
}
