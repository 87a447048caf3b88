namespace Infosync.Deploy.Settings;

/// <summary>
/// The Settings section of <c>--help</c>, made from the catalogue the settings are read with: each setting's
/// argument and default on one line, the environment variables it is read from, in order, below.
/// </summary>
public static class SettingsHelp
{
    private const int Width = 100;
    private const int DefaultColumn = 34;
    private const int VariableIndent = 6;

    private const string Introduction = "Settings: the argument, else the first of its environment variables that is set, " +
        "else the default; an empty value counts as unset. DEV_, PILOT_ and STAGE_ variables apply to their own " +
        "environment's tasks, before the plain one. Times are whole seconds (more in README.md).";

    /// <summary>The section's lines, none wider than 100 columns unless one name alone is.</summary>
    public static IReadOnlyList<string> Lines(SettingCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        List<string> lines = [.. Wrap(string.Empty, Introduction, 0), string.Empty];
        foreach (var declaration in catalog.Declarations)
        {
            lines.AddRange(Wrap(Column($"--{declaration[0].Argument}"), $"default: {Defaults(declaration)}", DefaultColumn));
            lines.AddRange(Wrap(new string(' ', VariableIndent), Variables(declaration), VariableIndent));
        }

        lines.AddRange(Wrap(Column($"--{catalog.Switches[0]}"), "default: off (plan mode: print what would run, change nothing)", DefaultColumn));
        lines.AddRange(Wrap(new string(' ', VariableIndent),
            $"also {OneOf([.. catalog.Switches.Skip(1).Select(s => "--" + s)])}; no environment variable", VariableIndent));
        return lines;
    }

    // The environment's own variables first (one per environment), then those every environment shares.
    private static string Variables(IReadOnlyList<SettingName> declaration)
    {
        var shared = declaration.Select(n => n.Variables).Aggregate((all, one) => [.. all.Intersect(one)]);
        var own = declaration.SelectMany(n => n.Variables.Except(shared)).ToList();
        return own.Count == 0 ? string.Join(", then ", shared) : string.Join(", then ", [OneOf(own), .. shared]);
    }

    private static string Defaults(IReadOnlyList<SettingName> declaration) =>
        OneOf([.. declaration.Select(n => n.Default ?? n.WhenUnset ?? "none").Distinct()]);

    private static string OneOf(List<string> values) => values.Count == 1
        ? values[0]
        : $"{string.Join(", ", values.Take(values.Count - 1))} or {values[^1]}";

    private static string Column(string argument) =>
        argument.Length + 2 < DefaultColumn ? $"  {argument}".PadRight(DefaultColumn) : $"  {argument} ";

    // The prefix as it is, then the words of text, continuation lines starting at column indent.
    private static IEnumerable<string> Wrap(string prefix, string text, int indent)
    {
        var line = prefix;
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                yield return line;
                line = new string(' ', indent);
                empty = true;
            }

            line += empty ? word : " " + word;
            empty = false;
        }

        yield return line;
    }
}
