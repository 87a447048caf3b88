using Cake.Frosting;
using Infosync.Deploy.Settings;
using Xunit;

namespace Infosync.Deploy.Tests.Settings;

public sealed class ArgumentCheckTests
{
    private static IReadOnlyList<string> Check(params string[] given) => ArgumentCheck.Problems(given, HostOptions.OptionNames);

    public static TheoryData<string> EverySettingArgument() => [.. SettingCatalog.Default.Arguments];

    [Fact]
    public void The_issues_two_typos_are_refused_each_with_its_suggestion()
    {
        var problems = Check("target", "deploy-dri", "helth-timeout");

        Assert.Equal(
            ["unknown argument --deploy-dri; did you mean --deploy-dir?",
             "unknown argument --helth-timeout; did you mean --health-timeout?"],
            problems);
    }

    [Theory]
    [InlineData("exlusive", "--exclusive")]
    [InlineData("tre", "--tree")]
    [InlineData("hlep", "--help")]
    [InlineData("verbostiy", "--verbosity")]
    [InlineData("dry-rnu", "--dry-run")]
    [InlineData("imagetag", "--image-tag")]
    [InlineData("SSH-PROT", "--ssh-port")]
    [InlineData("ssh-strict-host-key-cheking", "--ssh-strict-host-key-checking")]
    public void A_misspelt_option_or_setting_is_refused_naming_the_closest(string typed, string suggestion)
    {
        var problem = Assert.Single(Check(typed));

        Assert.Equal($"unknown argument --{typed}; did you mean {suggestion}?", problem);
    }

    [Theory]
    [InlineData("frobnicate", "--frobnicate")]
    [InlineData("x", "-x")]
    [InlineData("version", "--version")]
    public void An_argument_far_from_every_known_name_is_refused_without_a_guess(string typed, string shown)
    {
        var problem = Assert.Single(Check(typed));

        Assert.StartsWith($"unknown argument {shown}; the arguments are", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_name_is_refused_on_one_line()
    {
        var problem = Assert.Single(Check("deploy-dir\nError: all fine"));

        Assert.DoesNotContain('\n', problem);
        Assert.Contains("--deploy-dir\\u000aError: all fine", problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EverySettingArgument))]
    public void Every_setting_argument_is_accepted_in_any_case(string argument)
    {
        Assert.Empty(Check(argument));
        Assert.Empty(Check(argument.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("target")]
    [InlineData("t")]
    [InlineData("exclusive")]
    [InlineData("e")]
    [InlineData("verbosity")]
    [InlineData("v")]
    [InlineData("tree")]
    [InlineData("description")]
    [InlineData("showdescription")]
    [InlineData("descriptions")]
    [InlineData("help")]
    [InlineData("h")]
    [InlineData("?")]
    [InlineData("dry-run")]
    [InlineData("dryrun")]
    [InlineData("whatif")]
    [InlineData("noop")]
    public void Every_Cake_option_and_plan_mode_spelling_is_accepted(string argument) => Assert.Empty(Check(argument));

    [Fact]
    public void A_name_given_twice_is_reported_once() =>
        Assert.Single(Check("deploy-dri", "DEPLOY-DRI"));
}
