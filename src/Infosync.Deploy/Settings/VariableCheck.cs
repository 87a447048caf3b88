namespace Infosync.Deploy.Settings;

/// <summary>
/// Warns about an environment variable that looks like a misspelt setting. Not every variable can be checked, so
/// only those starting with the prefixes of our settings (<c>DEV_</c>, <c>PILOT_</c>, <c>STAGE_</c>, <c>HARBOR_</c>,
/// <c>SSH_</c>) are compared, and only one close to a known name is reported. The value is never read.
/// </summary>
public static class VariableCheck
{
    /// <summary>Set by OpenSSH, GitLab's Harbor integration, or documented for GitLab's environment links: never warned about.</summary>
    public static IReadOnlyList<string> Foreign { get; } =
    [
        "SSH_AUTH_SOCK", "SSH_AGENT_PID", "SSH_CLIENT", "SSH_CONNECTION", "SSH_TTY", "SSH_ASKPASS",
        "SSH_ASKPASS_REQUIRE", "SSH_ORIGINAL_COMMAND", "SSH_USER_AUTH", "SSH_SK_PROVIDER", "SSH_SK_HELPER",
        "HARBOR_URL", "HARBOR_OCI", "HARBOR_PROJECT_NAME",
        "DEV_URL", "PILOT_URL", "STAGE_URL",
    ];

    /// <summary>The prefixes of the variables compared.</summary>
    public static IReadOnlyList<string> Prefixes { get; } =
        [.. DeployEnvironment.All.Select(e => e.VariablePrefix + "_"), "HARBOR_", "SSH_"];

    /// <summary>
    /// One warning for each of <paramref name="names"/> that has one of <see cref="Prefixes"/>, is neither known nor
    /// <see cref="Foreign"/>, and is close to a variable of <paramref name="catalog"/> (default: <see cref="SettingCatalog.Default"/>).
    /// Where the environment's names are case-sensitive (<paramref name="caseSensitive"/>, everywhere but Windows),
    /// <c>dev_ssh_host</c> is not <c>DEV_SSH_HOST</c> and is warned about.
    /// </summary>
    public static IReadOnlyList<string> Warnings(IEnumerable<string> names, bool caseSensitive, SettingCatalog? catalog = null)
    {
        var comparer = caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        var known = (catalog ?? SettingCatalog.Default).Variables;
        return [.. names
            .Where(name => Prefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .Where(name => !known.Contains(name, comparer) && !Foreign.Contains(name, comparer))
            .Order(StringComparer.Ordinal)
            .Select(name => (Name: name, Closest: NameDistance.Closest(name, known)))
            .Where(pair => pair.Closest is not null)
            .Select(pair => $"Warning: environment variable {SettingRules.Shorten(pair.Name)} is not a setting; did you mean {pair.Closest}?")];
    }
}
