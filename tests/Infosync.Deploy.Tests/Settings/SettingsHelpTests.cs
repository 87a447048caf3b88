using System.Text.RegularExpressions;
using Infosync.Deploy.Settings;
using Xunit;

namespace Infosync.Deploy.Tests.Settings;

/// <summary>--help's Settings section, made from the catalogue: every argument, variable and default in it.</summary>
public sealed class SettingsHelpTests
{
    private static readonly IReadOnlyList<string> Lines = SettingsHelp.Lines(SettingCatalog.Default);

    // One setting's lines: its argument's line and those below it, up to the next argument, as one line of text.
    private static List<string> Blocks()
    {
        var blocks = new List<string>();
        foreach (var line in Lines.SkipWhile(l => !l.StartsWith("  --", StringComparison.Ordinal)))
        {
            if (line.StartsWith("  --", StringComparison.Ordinal))
            {
                blocks.Add(string.Empty);
            }

            blocks[^1] += " " + line.Trim();
        }

        return blocks;
    }

    // A whole name: SSH_PORT is not found in DEV_SSH_PORT, nor --ssh-proxy-jump in --ssh-proxy-jump-password.
    private static bool Names(string text, string name) => Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(name)}(?![\w-])");

    private static string Shown(SettingName name) => name.Default ?? name.WhenUnset ?? "none";

    public static TheoryData<int> Declarations() => [.. Enumerable.Range(0, SettingCatalog.Default.Declarations.Count)];

    [Theory]
    [MemberData(nameof(Declarations))]
    public void A_setting_is_shown_with_its_argument_every_variable_and_its_default_together(int index)
    {
        var declaration = SettingCatalog.Default.Declarations[index];

        var block = Assert.Single(Blocks(), b =>
            b.StartsWith($" --{declaration[0].Argument} ", StringComparison.Ordinal) && Names(b, declaration[0].Variables[0]));

        Assert.All(declaration.SelectMany(n => n.Variables), variable => Assert.True(Names(block, variable), $"{variable} in: {block}"));
        Assert.Contains($"default: {Shown(declaration[0])}", block, StringComparison.Ordinal);
        Assert.All(declaration, name => Assert.Contains(Shown(name), block, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_argument_and_variable_of_the_catalogue_is_in_the_help()
    {
        var text = string.Join('\n', Lines);

        Assert.All(SettingCatalog.Default.Arguments, argument => Assert.True(Names(text, "--" + argument), argument));
        Assert.All(SettingCatalog.Default.Variables, variable => Assert.True(Names(text, variable), variable));
    }

    [Fact]
    public void No_line_is_wider_than_100_columns() => Assert.All(Lines, line => Assert.True(line.Length <= 100, line));
}
