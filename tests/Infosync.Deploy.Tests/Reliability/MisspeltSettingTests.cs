using Infosync.Deploy.Settings;
using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Reliability;

/// <summary>
/// A misspelt argument stops ./build.sh before any task and any connection (the sshd log does not grow by a line);
/// a misspelt environment variable is warned about by name, never by value.
/// </summary>
[Collection(RigTests.Name)]
public sealed class MisspeltSettingTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    public static TheoryData<string, string> MisspeltArguments() => new()
    {
        { "--exlusive", "Error: unknown argument --exlusive; did you mean --exclusive?" },
        { "--ssh-prot=2222", "Error: unknown argument --ssh-prot; did you mean --ssh-port?" },
        { "--dryrn", "Error: unknown argument --dryrn; did you mean --dryrun?" },
        { "--deploy-directory=/srv/other", "Error: unknown argument --deploy-directory; the arguments are Cake's options (see --help) and the settings in README.md" },
    };

    [Fact]
    public async Task The_issues_misspelt_deploy_dir_and_health_timeout_stop_the_run_before_anything_happens()
    {
        var tag = RigProbe.Tag("typo");
        var before = await DevStateAsync();
        var sshdLog = RigSsh.LogMark(fixture.Rig);
        var variables = fixture.Rig.DeployVariables();
        variables["DEFAULT_IMAGE_TAG"] = tag;

        var run = await BuildScript.RunAsync(variables, "--target=DeployDev", "--deploy-dri=/srv/other", "--helth-timeout=5");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            ["Error: unknown argument --deploy-dri; did you mean --deploy-dir?",
             "Error: unknown argument --helth-timeout; did you mean --health-timeout?"],
            ErrorLines(run));
        Assert.Equal(string.Empty, run.StandardOutput.Trim());
        Assert.Equal(sshdLog, RigSsh.LogMark(fixture.Rig));
        Assert.DoesNotContain(tag, await probe.RegistryTagsAsync());
        Assert.Equal(before, await DevStateAsync());
    }

    [Theory]
    [MemberData(nameof(MisspeltArguments))]
    public async Task A_misspelt_argument_with_or_without_a_value_is_refused_before_any_connection(string argument, string error)
    {
        var sshdLog = RigSsh.LogMark(fixture.Rig);

        var run = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployDev", "--exclusive",
            $"--image-tag={RigProbe.Tag("base")}", argument);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([error], ErrorLines(run));
        Assert.Equal(sshdLog, RigSsh.LogMark(fixture.Rig));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--tree")]
    [InlineData("--description")]
    public async Task Help_tree_and_description_refuse_a_misspelt_argument_too(string mode)
    {
        var run = await BuildScript.RunAsync(mode, "--target=DeployDev", "--deploy-dri=/srv/other");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["Error: unknown argument --deploy-dri; did you mean --deploy-dir?"], ErrorLines(run));
        Assert.Equal(string.Empty, run.StandardOutput.Trim());
    }

    [Theory]
    [InlineData("--tree")]
    [InlineData("--description")]
    [InlineData("--showdescription")]
    [InlineData("--descriptions")]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public async Task Every_setting_and_every_Cake_option_spelling_is_accepted_by_build_sh(string mode)
    {
        string[] cakeOptions = ["-t=DeployDev", "--target=DeployDev", "-v=quiet", "--verbosity=quiet", "-e", "--exclusive"];
        var settings = SettingCatalog.Default.Arguments.Select(a => $"--{a}=x");

        var run = await BuildScript.RunAsync([mode, .. cakeOptions, .. settings]);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.DoesNotContain("unknown argument", run.Output, StringComparison.Ordinal);
        Assert.NotEqual(string.Empty, run.StandardOutput.Trim());
    }

    [Fact]
    public async Task A_misspelt_variable_is_warned_about_by_name_and_the_run_goes_on_without_its_value_shown()
    {
        var variables = fixture.Rig.DeployVariables();
        variables["DEV_SSH_HSOT"] = "typo-host-4711.example";
        variables["HARBOR_PASWORD"] = "typo-password-4711";
        variables["SSH_AUTH_SOCK"] = "/tmp/agent-4711.sock";
        variables["SSH_TTY"] = "/dev/pts/4711";

        var tag = RigProbe.Tag("warned");

        var run = await BuildScript.RunAsync(variables, "--target=PushImage", "--dry-run", $"--image-tag={tag}", "--verbosity=diagnostic");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Warning: environment variable DEV_SSH_HSOT is not a setting; did you mean DEV_SSH_HOST?", run.Output, StringComparison.Ordinal);
        Assert.Contains("Warning: environment variable HARBOR_PASWORD is not a setting; did you mean HARBOR_PASSWORD?", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, run.Output.Split('\n').Count(l => l.StartsWith("Warning: environment variable", StringComparison.Ordinal)));
        Assert.Contains($"push {fixture.Rig.Repository}:{tag}", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("4711", run.Output, StringComparison.Ordinal);
    }

    /// <summary>What a deploy would change on dev, whatever state an earlier test left it in.</summary>
    private async Task<string> DevStateAsync()
    {
        var compose = probe.ComposePath("dev");
        return string.Join('\n',
            File.Exists(compose) ? Convert.ToHexString(File.ReadAllBytes(compose)) : "no compose file",
            string.Join('\n', probe.History("dev")),
            await probe.ContainerIdAsync("dev", "web"),
            await probe.PageAsync("dev"));
    }

    private static string[] ErrorLines(ProcessRun run) =>
        [.. run.StandardError.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("Error: ", StringComparison.Ordinal))];
}
