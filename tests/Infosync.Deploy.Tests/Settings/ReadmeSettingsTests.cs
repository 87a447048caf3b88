using System.Text.RegularExpressions;
using Infosync.Deploy.Settings;
using Xunit;

namespace Infosync.Deploy.Tests.Settings;

/// <summary>README's settings table and SettingNames name the same arguments, so neither can drift from the other.</summary>
public sealed partial class ReadmeSettingsTests
{
    private static IReadOnlyList<string> DocumentedArguments()
    {
        var readme = File.ReadAllText(Path.Combine(Rig.Rig.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("\n## Settings\n", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        return [.. section.Split('\n')
            .Where(line => line.StartsWith("| `--", StringComparison.Ordinal))
            .SelectMany(line => ArgumentInFirstColumn().Matches(line.Split('|')[1]).Select(m => m.Groups[1].Value))];
    }

    [Fact]
    public void Every_argument_in_the_readme_settings_table_is_accepted()
    {
        var documented = DocumentedArguments();

        Assert.Contains("ssh-strict-host-key-checking", documented);
        Assert.Empty(ArgumentCheck.Problems(documented, Cake.Frosting.HostOptions.OptionNames));
    }

    [Fact]
    public void Every_setting_argument_is_in_the_readme_settings_table()
    {
        var settings = SettingCatalog.Default.Settings.Select(s => s.Argument).Distinct();

        Assert.Empty(settings.Except(DocumentedArguments()));
    }

    [GeneratedRegex("`--([a-z][a-z-]*)`")]
    private static partial Regex ArgumentInFirstColumn();
}
