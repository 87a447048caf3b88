using System.Text;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// A unified diff of an edit that replaces text within lines and never adds or removes a line break,
/// which is what the compose editor does; lines therefore pair up one to one.
/// </summary>
public static class UnifiedDiff
{
    /// <summary>
    /// The diff of <paramref name="before"/> and <paramref name="after"/> with one line of context; each context line
    /// goes through <paramref name="context"/> and each changed line through <paramref name="changed"/>, which may
    /// mask what they hold.
    /// </summary>
    public static string Of(string path, string? before, string after, Func<string, string>? context = null, Func<string, string>? changed = null)
    {
        ArgumentNullException.ThrowIfNull(after);
        context ??= line => line;
        changed ??= line => line;
        var old = (before ?? string.Empty).Split('\n');
        var now = after.Split('\n');
        var diff = new StringBuilder().Append("--- ").Append(path).Append('\n').Append("+++ ").Append(path).Append('\n');
        if (old.Length != now.Length)
        {
            // A line was added (a new .env variable): one hunk around the lines that differ, by common prefix and suffix.
            var prefix = 0;
            while (prefix < Math.Min(old.Length, now.Length) && old[prefix] == now[prefix])
            {
                prefix++;
            }

            var suffix = 0;
            while (suffix < Math.Min(old.Length, now.Length) - prefix && old[^(suffix + 1)] == now[^(suffix + 1)])
            {
                suffix++;
            }

            var first = Math.Max(0, prefix - 1);
            var lastOld = Math.Min(old.Length - 1, old.Length - suffix);
            var lastNow = Math.Min(now.Length - 1, now.Length - suffix);
            diff.Append("@@ -").Append(first + 1).Append(',').Append(lastOld - first + 1)
                .Append(" +").Append(first + 1).Append(',').Append(lastNow - first + 1).Append(" @@\n");
            for (var j = first; j < prefix; j++)
            {
                diff.Append(' ').Append(context(old[j].TrimEnd('\r'))).Append('\n');
            }

            for (var j = prefix; j < old.Length - suffix; j++)
            {
                diff.Append('-').Append(changed(old[j].TrimEnd('\r'))).Append('\n');
            }

            for (var j = prefix; j < now.Length - suffix; j++)
            {
                diff.Append('+').Append(changed(now[j].TrimEnd('\r'))).Append('\n');
            }

            for (var j = old.Length - suffix; j <= lastOld; j++)
            {
                diff.Append(' ').Append(context(old[j].TrimEnd('\r'))).Append('\n');
            }

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
                    diff.Append(' ').Append(context(old[j].TrimEnd('\r'))).Append('\n');
                }
                else
                {
                    diff.Append('-').Append(changed(old[j].TrimEnd('\r'))).Append('\n')
                        .Append('+').Append(changed(now[j].TrimEnd('\r'))).Append('\n');
                }
            }

            i = last;
        }

        return diff.ToString();
    }
}
