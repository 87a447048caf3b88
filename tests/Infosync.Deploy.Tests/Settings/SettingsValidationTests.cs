using Infosync.Deploy.Settings;
using Infosync.Deploy.Tests.Fakes;
using Xunit;

namespace Infosync.Deploy.Tests.Settings;

public sealed class SettingsValidationTests
{
    private static readonly SettingsRequest DeployDev = new(TagNeed.Required, false, true, true, [DeployEnvironment.Dev]);

    private static SettingsException Fails(Dictionary<string, string> arguments, SettingsRequest? request = null) =>
        Assert.Throws<SettingsException>(() => InfosyncSettings.Load(
            new DictionarySettingSource(arguments, new Dictionary<string, string>()), request ?? DeployDev, "/tmp", "/root"));

    private static Dictionary<string, string> Valid() => new()
    {
        ["image-tag"] = "v1",
        ["harbor-host"] = "localhost:5443",
        ["harbor-username"] = "ci",
        ["harbor-password"] = "pw",
        ["ssh-host"] = "127.0.0.1",
        ["ssh-username"] = "deployer",
        ["ssh-password"] = "pw",
    };

    [Fact]
    public void Every_missing_setting_is_named_in_one_error_with_argument_and_variable()
    {
        var error = Fails([]);

        var line = Assert.Single(error.Problems, p => p.StartsWith("Missing settings:", StringComparison.Ordinal));
        Assert.Contains("--image-tag (DEFAULT_IMAGE_TAG)", line, StringComparison.Ordinal);
        Assert.Contains("--harbor-host (HARBOR_HOST)", line, StringComparison.Ordinal);
        Assert.Contains("--harbor-username (HARBOR_USERNAME)", line, StringComparison.Ordinal);
        Assert.Contains("--harbor-password (HARBOR_PASSWORD)", line, StringComparison.Ordinal);
        Assert.Contains("--ssh-host (DEV_SSH_HOST or SSH_HOST)", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("image-tag", "bad tag")]
    [InlineData("image-tag", "-starts-with-dash")]
    [InlineData("image-tag", "v1;rm -rf /")]
    [InlineData("image-tag", "v1\n")]
    [InlineData("image-tag", "v1$(id)")]
    [InlineData("image-tag", "vⅠ")]
    [InlineData("harbor-host", "https://harbor.example.com")]
    [InlineData("harbor-host", "harbor.example.com/path")]
    [InlineData("harbor-host", "harbor.example.com:99999")]
    [InlineData("harbor-host", "harbor..example.com")]
    [InlineData("harbor-project", "Infosync")]
    [InlineData("harbor-project", "a/b")]
    [InlineData("image-name", "../etc")]
    [InlineData("ssh-host", "host;id")]
    [InlineData("ssh-host", "host:22")]
    [InlineData("ssh-port", "0")]
    [InlineData("ssh-port", "22a")]
    [InlineData("deploy-dir", "relative/dir")]
    [InlineData("deploy-dir", "/usr/local/../../etc")]
    [InlineData("deploy-dir", "/")]
    [InlineData("deploy-dir", "/srv/app\n")]
    [InlineData("ssh-strict-host-key-checking", "maybe")]
    [InlineData("health-url", "ftp://localhost/")]
    [InlineData("health-timeout", "1.5")]
    [InlineData("lock-wait", "-1")]
    [InlineData("strategy", "blue-green")]
    [InlineData("drain-time", "601")]
    [InlineData("orchestrator", "kubernetes")]
    public void A_bad_value_is_one_line_naming_the_setting(string argument, string value)
    {
        var arguments = Valid();
        arguments[argument] = value;

        var error = Fails(arguments);

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith($"--{argument} ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Theory]
    [InlineData(null, SwitchKind.Recreate)]
    [InlineData("rolling", SwitchKind.Rolling)]
    [InlineData("Recreate", SwitchKind.Recreate)]
    public void The_strategy_is_recreate_unless_set(string? value, SwitchKind kind)
    {
        var arguments = Valid();
        if (value is not null)
        {
            arguments["strategy"] = value;
        }

        var settings = InfosyncSettings.Load(new DictionarySettingSource(arguments, new Dictionary<string, string>()), DeployDev, "/tmp", "/root");

        Assert.Equal((kind, TimeSpan.FromSeconds(5)), (settings.Targets[DeployEnvironment.Dev].Switch.Kind, settings.Targets[DeployEnvironment.Dev].Switch.DrainTime));
    }

    [Fact]
    public void A_swarm_environment_deploys_the_stack_named_after_it_and_cannot_also_roll()
    {
        var arguments = Valid();
        arguments["orchestrator"] = "swarm";

        var swarm = InfosyncSettings.Load(new DictionarySettingSource(arguments, new Dictionary<string, string>()), DeployDev, "/tmp", "/root");
        arguments["strategy"] = "rolling";
        var problem = Assert.Single(Fails(arguments).Problems);

        Assert.Equal((SwitchKind.Swarm, "infosync-dev"), (swarm.Targets[DeployEnvironment.Dev].Switch.Kind, swarm.Targets[DeployEnvironment.Dev].Switch.Stack));
        Assert.StartsWith("--strategy ", problem, StringComparison.Ordinal);
        Assert.Contains("Swarm orchestrator, which rolls the tasks itself", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ten_kilobyte_value_is_shortened_in_the_error()
    {
        var arguments = Valid();
        arguments["image-tag"] = new string('a', 10_240);

        var problem = Assert.Single(Fails(arguments).Problems);

        Assert.True(problem.Length < 300, problem);
        Assert.Contains("10240 characters", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Ssh_needs_a_password_or_a_key()
    {
        var arguments = Valid();
        arguments.Remove("ssh-password");

        var problem = Assert.Single(Fails(arguments).Problems);

        Assert.Contains("--ssh-password (DEV_SSH_PASSWORD or SSH_PASSWORD)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_private_key_that_is_not_a_key_is_refused_without_echoing_it()
    {
        var arguments = Valid();
        arguments["ssh-private-key"] = "-----BEGIN OPENSSH PRIVATE KEY-----\nnot-a-key-secret-material\n-----END OPENSSH PRIVATE KEY-----";

        var problem = Assert.Single(Fails(arguments).Problems);

        Assert.DoesNotContain("secret-material", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_of_different_settings_are_all_reported()
    {
        var arguments = Valid();
        arguments["image-tag"] = "bad tag";
        arguments["ssh-port"] = "70000";
        arguments.Remove("harbor-password");

        var error = Fails(arguments);

        Assert.Equal(3, error.Problems.Count);
    }

    [Fact]
    public void The_host_local_needs_no_ssh_credentials()
    {
        var arguments = Valid();
        arguments["ssh-host"] = "local";
        arguments.Remove("ssh-username");
        arguments.Remove("ssh-password");

        var settings = InfosyncSettings.Load(new DictionarySettingSource(arguments), DeployDev, "/tmp", "/root");

        Assert.True(settings.Targets[DeployEnvironment.Dev].Ssh.IsLocal);
    }
}
