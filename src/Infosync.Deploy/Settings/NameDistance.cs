namespace Infosync.Deploy.Settings;

/// <summary>How far a misspelt name is from a known one, and which known name it most likely meant.</summary>
public static class NameDistance
{
    /// <summary>
    /// The edits (insert, delete, substitute, or swap two neighbours) that turn one name into the other, ignoring
    /// case: the optimal-string-alignment form of Damerau-Levenshtein distance.
    /// </summary>
    public static int Between(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var (a, b) = (first.ToUpperInvariant(), second.ToUpperInvariant());
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>
    /// Whether <paramref name="typed"/> is a likely misspelling of <paramref name="known"/>: at most one edit for every
    /// four characters of the known name, so <c>hlep</c> is <c>help</c> but nothing is a one-letter <c>t</c>.
    /// </summary>
    public static bool IsClose(string typed, string known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return Between(typed, known) <= known.Length / 4;
    }

    /// <summary>The known name closest to <paramref name="typed"/>, the first of equals, or null when none is close.</summary>
    public static string? Closest(string typed, IEnumerable<string> known) => known
        .Where(k => IsClose(typed, k))
        .OrderBy(k => Between(typed, k))
        .FirstOrDefault();
}
