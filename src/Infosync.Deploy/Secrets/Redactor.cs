namespace Infosync.Deploy.Secrets;

/// <summary>
/// Replaces known secret values in text that did not come from our own formatting (a remote command's output, an
/// exception message), as a second line of defence behind <see cref="Secret"/>. It learns the values of the server's
/// files as the deploy reads them, so one instance serves the whole run.
/// </summary>
public sealed class Redactor
{
    private readonly Lock gate = new();
    private string[] values;

    /// <summary>Redacts every non-empty value of <paramref name="secrets"/>, longest first.</summary>
    public Redactor(IEnumerable<Secret?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        values = Ordered(secrets.Where(s => s is not null).Select(s => s!.Reveal()));
    }

    /// <summary>A redactor that knows no value yet.</summary>
    public Redactor()
        : this([])
    {
    }

    /// <summary>A redactor that changes nothing.</summary>
    public static Redactor None => new();

    /// <summary>Redacts <paramref name="more"/> from now on as well.</summary>
    public void Learn(IEnumerable<string> more)
    {
        ArgumentNullException.ThrowIfNull(more);
        lock (gate)
        {
            values = Ordered(values.Concat(more));
        }
    }

    /// <summary>Redacts the values of <paramref name="secrets"/> from now on as well.</summary>
    public void Learn(IEnumerable<Secret?> secrets) => Learn(secrets.Where(s => s is not null).Select(s => s!.Reveal()));

    /// <summary><paramref name="text"/> with every secret value replaced by <see cref="Secret.Redacted"/>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Volatile.Read(ref values).Aggregate(text, (current, value) => current.Replace(value, Secret.Redacted, StringComparison.Ordinal));
    }

    private static string[] Ordered(IEnumerable<string> texts) =>
        [.. texts.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length)];
}
