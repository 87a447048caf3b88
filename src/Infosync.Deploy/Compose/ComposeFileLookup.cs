namespace Infosync.Deploy.Compose;

/// <summary>
/// Which compose files Compose reads when run in a project directory without <c>--file</c>, by its own rules:
/// <c>COMPOSE_FILE</c> (the server's environment before <c>.env</c>) split at <c>COMPOSE_PATH_SEPARATOR</c>, else the
/// first default name found plus the first override name found. v1 and v2 look for the names in different orders.
/// </summary>
public static class ComposeFileLookup
{
    private static readonly string[] V2Defaults = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];
    private static readonly string[] V2Overrides = ["compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml"];
    private static readonly string[] V1Defaults = ["docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml"];
    private static readonly string[] V1Overrides = ["docker-compose.override.yml", "docker-compose.override.yaml", "compose.override.yml", "compose.override.yaml"];

    /// <summary>Every name Compose looks for, to ask the server which exist.</summary>
    public static IReadOnlyList<string> Candidates { get; } = [.. V2Defaults, .. V2Overrides];

    /// <summary>
    /// The files Compose <paramref name="version"/> reads in <paramref name="directory"/>, by name, in merge order.
    /// <paramref name="fileList"/> is a <c>COMPOSE_FILE</c> value (from the tool's setting, the environment or
    /// <c>.env</c>), or null; <paramref name="existing"/> the candidate names that exist there.
    /// </summary>
    /// <exception cref="ComposeEditException">Compose would not find the files, or would look outside the directory.</exception>
    public static IReadOnlyList<string> Choose(int version, string directory, ComposeFileList? fileList, IReadOnlySet<string> existing)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(existing);
        if (fileList is not null)
        {
            return [.. fileList.Names(directory)];
        }

        var defaults = version >= 2 ? V2Defaults : V1Defaults;
        var main = defaults.FirstOrDefault(existing.Contains) ?? throw new ComposeEditException(directory, 0,
            $"no compose file ({string.Join(", ", defaults)}) in the deploy directory; Compose would look in the parent directories, the tool does not");
        var overrides = (version >= 2 ? V2Overrides : V1Overrides).Where(existing.Contains).ToList();
        if (version < 2 && overrides.Count > 1)
        {
            throw new ComposeEditException(directory, 0, $"docker-compose (v1) refuses more than one override file: {string.Join(", ", overrides)}");
        }

        return overrides.Count == 0 ? [main] : [main, overrides[0]];
    }
}
