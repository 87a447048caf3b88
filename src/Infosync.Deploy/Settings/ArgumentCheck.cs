namespace Infosync.Deploy.Settings;

/// <summary>
/// Refuses a command-line argument that is neither the host's own option nor a setting: Cake accepts any
/// <c>--name=value</c>, so a misspelt <c>--deploy-dir</c> would otherwise be dropped and the default used.
/// </summary>
public static class ArgumentCheck
{
    /// <summary>
    /// One line for each name in <paramref name="given"/> (without leading dashes) that is not in
    /// <paramref name="hostOptions"/> nor an argument of <paramref name="catalog"/> (default: <see cref="SettingCatalog.Default"/>),
    /// naming the closest known argument when one is close. Names compare ignoring case, as Cake reads them.
    /// </summary>
    public static IReadOnlyList<string> Problems(
        IEnumerable<string> given, IEnumerable<string> hostOptions, SettingCatalog? catalog = null)
    {
        List<string> known = [.. hostOptions, .. (catalog ?? SettingCatalog.Default).Arguments];
        return [.. given
            .Where(name => !known.Contains(name, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(name => Problem(name, NameDistance.Closest(name, known)))];
    }

    private static string Problem(string name, string? closest) => closest is null
        ? $"unknown argument {Flag(name)}; the arguments are Cake's options (see --help) and the settings in README.md"
        : $"unknown argument {Flag(name)}; did you mean {Flag(closest)}?";

    // Single-letter names are Cake's short options (-t, -v); escaping keeps a hostile name on one line.
    private static string Flag(string name) => (name.Length == 1 ? "-" : "--") + SettingRules.Shorten(name);
}
