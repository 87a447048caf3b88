namespace Infosync.Deploy.Compose;

/// <summary>
/// A <c>COMPOSE_FILE</c> value: file names separated by <c>COMPOSE_PATH_SEPARATOR</c> (<c>:</c> by default), relative
/// to the project directory. <paramref name="Origin"/> says where it was set, for messages.
/// </summary>
public sealed record ComposeFileList(string Value, string Separator, string Origin)
{
    /// <summary>The default separator on the servers (Linux).</summary>
    public const string DefaultSeparator = ":";

    /// <summary>The names in the list, in merge order; only files directly in <paramref name="directory"/> are allowed.</summary>
    /// <exception cref="ComposeEditException">An entry is not a file of the directory itself.</exception>
    public IEnumerable<string> Names(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var names = new List<string>();
        foreach (var entry in Value.Split(Separator.Length == 0 ? DefaultSeparator : Separator, StringSplitOptions.RemoveEmptyEntries))
        {
            var name = entry.StartsWith('/') && entry.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal)
                ? entry[(directory.TrimEnd('/').Length + 1)..]
                : entry.StartsWith("./", StringComparison.Ordinal) ? entry[2..] : entry;
            if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name is "." or ".." || name.Any(char.IsControl))
            {
                throw new ComposeEditException(directory, 0,
                    $"{Origin} names '{Settings.SettingRules.Shorten(entry)}'; the tool deploys compose files that lie in the deploy directory itself");
            }

            names.Add(name);
        }

        return names.Count > 0
            ? names
            : throw new ComposeEditException(directory, 0, $"{Origin} names no file");
    }
}
