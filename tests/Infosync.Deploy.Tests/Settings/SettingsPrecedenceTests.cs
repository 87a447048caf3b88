using Infosync.Deploy.Settings;
using Infosync.Deploy.Tests.Fakes;
using Xunit;

namespace Infosync.Deploy.Tests.Settings;

public sealed class SettingsPrecedenceTests
{
    private static readonly SettingsRequest Push = new(TagNeed.Required, false, true, true, []);

    private static InfosyncSettings Load(Dictionary<string, string>? arguments, Dictionary<string, string>? variables, SettingsRequest? request = null) =>
        InfosyncSettings.Load(new DictionarySettingSource(arguments, variables), request ?? Push, "/tmp", "/root");

    private static Dictionary<string, string> Harbor() => new()
    {
        ["HARBOR_HOST"] = "harbor.example.com",
        ["HARBOR_USERNAME"] = "ci",
        ["HARBOR_PASSWORD"] = "pw",
    };

    [Fact]
    public void Argument_wins_over_environment_variable()
    {
        var variables = Harbor();
        variables["DEFAULT_IMAGE_TAG"] = "from-env";

        var settings = Load(new() { ["image-tag"] = "from-arg" }, variables);

        Assert.Equal("from-arg", settings.ImageTag);
    }

    [Fact]
    public void Environment_variable_is_used_when_no_argument_is_given()
    {
        var variables = Harbor();
        variables["DEFAULT_IMAGE_TAG"] = "from-env";

        var settings = Load(null, variables);

        Assert.Equal("from-env", settings.ImageTag);
    }

    [Fact]
    public void Defaults_fill_project_and_image_name()
    {
        var settings = Load(new() { ["image-tag"] = "v1" }, Harbor());

        Assert.Equal("harbor.example.com/infosync/infosync", settings.RequireRegistry().Repository);
    }

    [Fact]
    public void Empty_values_count_as_unset()
    {
        var variables = Harbor();
        variables["HARBOR_PROJECT"] = string.Empty;

        var settings = Load(new() { ["image-tag"] = "v1", ["harbor-project"] = string.Empty }, variables);

        Assert.Equal("infosync", settings.RequireRegistry().Project);
    }

    [Fact]
    public void Environment_scoped_variable_wins_over_plain_one()
    {
        var variables = Harbor();
        variables["SSH_HOST"] = "plain.example.com";
        variables["PILOT_SSH_HOST"] = "pilot.example.com";
        variables["SSH_USERNAME"] = "deployer";
        variables["SSH_PASSWORD"] = "pw";
        var request = new SettingsRequest(TagNeed.Required, false, true, true, [DeployEnvironment.Pilot, DeployEnvironment.Dev]);

        var settings = Load(new() { ["image-tag"] = "v1" }, variables, request);

        Assert.Equal("pilot.example.com", settings.Targets[DeployEnvironment.Pilot].Ssh.Host);
        Assert.Equal("plain.example.com", settings.Targets[DeployEnvironment.Dev].Ssh.Host);
        Assert.Equal("/usr/local/infosync-pilot", settings.Targets[DeployEnvironment.Pilot].Directory);
    }

    [Theory]
    [InlineData("dry-run")]
    [InlineData("dryrun")]
    [InlineData("whatif")]
    [InlineData("noop")]
    public void Every_dry_run_spelling_turns_on_plan_mode(string argument)
    {
        var settings = Load(new() { ["image-tag"] = "v1", [argument] = "true" }, Harbor());

        Assert.True(settings.DryRun);
    }

    [Fact]
    public void Passwords_are_secrets_that_print_redacted()
    {
        var settings = Load(new() { ["image-tag"] = "v1" }, Harbor());

        Assert.Equal("[REDACTED]", settings.RequireRegistry().Password!.ToString());
        Assert.DoesNotContain("pw", settings.RequireRegistry().ToString(), StringComparison.Ordinal);
    }
}
