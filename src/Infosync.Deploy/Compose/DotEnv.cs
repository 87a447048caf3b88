namespace Infosync.Deploy.Compose;

/// <summary>Reading a project's <c>.env</c> file as Compose reads it: the last assignment of a key wins.</summary>
public static class DotEnv
{
    private const string FileName = ".env";

    /// <summary>Each assignment as key and value as written (between its quotes, nothing resolved), in file order.</summary>
    /// <exception cref="ComposeEditException">The file cannot be read.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Assignments(string? envText)
    {
        if (envText is null)
        {
            return [];
        }

        InputLimits.EnsureSmallEnough(envText, FileName);
        return [.. EnvFileParser.Parse(envText, FileName).Select(a => KeyValuePair.Create(a.Key, a.RawValue(envText)))];
    }

    /// <summary>The value of <paramref name="key"/>, quotes removed and variables resolved, or null when it is not set.</summary>
    /// <exception cref="ComposeEditException">The file cannot be read, or the value not resolved.</exception>
    public static string? Value(string? envText, string key)
    {
        try
        {
            return EnvFile.Read(envText, FileName).Lookup(key);
        }
        catch (FormatException exception)
        {
            throw new ComposeEditException(FileName, 0, $"{key}: {exception.Message}");
        }
    }
}
