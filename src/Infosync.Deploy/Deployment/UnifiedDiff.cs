using System.Text;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// A unified diff of an edit that replaces text within lines and never adds or removes a line break,
/// which is what the compose editor does; lines therefore pair up one to one.
/// </summary>
public static class UnifiedDiff
{
    /// <summary>The diff of <paramref name="before"/> and <paramref name="after"/> with one line of context.</summary>
    public static string Of(string path, string? before, string after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var old = (before ?? string.Empty).Split('\n');
        var now = after.Split('\n');
        var diff = new StringBuilder().Append("--- ").Append(path).Append('\n').Append("+++ ").Append(path).Append('\n');
        if (old.Length != now.Length)
        {
            diff.Append("@@ -1,").Append(old.Length).Append(" +1,").Append(now.Length).Append(" @@\n");
            Array.ForEach(old, l => diff.Append('-').Append(l.TrimEnd('\r')).Append('\n'));
            Array.ForEach(now, l => diff.Append('+').Append(l.TrimEnd('\r')).Append('\n'));
            return diff.ToString();
        }

        for (var i = 0; i < old.Length; i++)
        {
            if (old[i] == now[i])
            {
                continue;
            }

            var first = Math.Max(0, i - 1);
            var last = Math.Min(old.Length - 1, i + 1);
            diff.Append("@@ -").Append(first + 1).Append(',').Append(last - first + 1)
                .Append(" +").Append(first + 1).Append(',').Append(last - first + 1).Append(" @@\n");
            for (var j = first; j <= last; j++)
            {
                if (old[j] == now[j])
                {
                    diff.Append(' ').Append(old[j].TrimEnd('\r')).Append('\n');
                }
                else
                {
                    diff.Append('-').Append(old[j].TrimEnd('\r')).Append('\n').Append('+').Append(now[j].TrimEnd('\r')).Append('\n');
                }
            }

            i = last;
        }

        return diff.ToString();
    }
}
