using Infosync.Deploy.Settings;
using Infosync.Deploy.Tests.Fakes;
using Xunit;

namespace Infosync.Deploy.Tests.Settings;

public sealed class ProxyJumpSettingsTests
{
    private static readonly SettingsRequest DeployDev = new(TagNeed.Required, false, true, true, [DeployEnvironment.Dev]);

    private static Dictionary<string, string> Valid() => new()
    {
        ["image-tag"] = "v1",
        ["harbor-host"] = "localhost:5443",
        ["harbor-username"] = "ci",
        ["harbor-password"] = "pw",
        ["ssh-host"] = "app.internal",
        ["ssh-username"] = "deployer",
        ["ssh-password"] = "pw",
    };

    private static SshSettings Load(Dictionary<string, string> arguments, Dictionary<string, string>? variables = null) =>
        InfosyncSettings.Load(new DictionarySettingSource(arguments, variables), DeployDev, "/tmp", "/root").Targets[DeployEnvironment.Dev].Ssh;

    [Theory]
    [InlineData("bastion", "deployer@bastion:22")]
    [InlineData("ops@bastion.example.com:2200", "ops@bastion.example.com:2200")]
    [InlineData("ops@bastion.example.com:2200,Inner.Example.com", "ops@bastion.example.com:2200 deployer@Inner.Example.com:22")]
    [InlineData("a@b@10.0.0.1:2222,c@10.0.0.2", "a@b@10.0.0.1:2222 c@10.0.0.2:22")]
    public void A_chain_is_read_in_openssh_form_and_hops_without_a_user_use_the_targets(string value, string hops)
    {
        var arguments = Valid();
        arguments["ssh-proxy-jump"] = value;

        var jump = Load(arguments).ProxyJump;

        Assert.NotNull(jump);
        Assert.Equal(hops, string.Join(' ', jump.Hops.Select(h => h.Display)));
        Assert.False(jump.HasOwnCredentials);
    }

    [Fact]
    public void The_environments_none_overrides_a_chain_set_for_all()
    {
        var variables = new Dictionary<string, string> { ["SSH_PROXY_JUMP"] = "bastion", ["DEV_SSH_PROXY_JUMP"] = "none" };

        Assert.Null(Load(Valid(), variables).ProxyJump);
        Assert.NotNull(Load(Valid(), new() { ["SSH_PROXY_JUMP"] = "bastion" }).ProxyJump);
    }

    [Fact]
    public void The_jump_hosts_own_password_is_a_secret_used_instead_of_the_targets()
    {
        var arguments = Valid();
        arguments["ssh-proxy-jump"] = "bastion";
        arguments["ssh-proxy-jump-password"] = "jump pw";

        var jump = Load(arguments).ProxyJump!;

        Assert.True(jump.HasOwnCredentials);
        Assert.Equal("jump pw", jump.Password!.Reveal());
        Assert.Equal("[REDACTED]", $"{jump.Password}");
        Assert.Contains(Load(arguments).Secrets, s => s?.Reveal() == "jump pw");
    }

    [Theory]
    [InlineData("bastion,,inner")]
    [InlineData("bastion;id")]
    [InlineData("$(id)")]
    [InlineData("-oProxyCommand=id")]
    [InlineData("bastion -p 22")]
    [InlineData("user@")]
    [InlineData("@bastion")]
    [InlineData("-l@bastion")]
    [InlineData("bastion:0")]
    [InlineData("bastion:99999")]
    [InlineData("bastion:22:22")]
    [InlineData("[::1]:22")]
    [InlineData("ssh://bastion")]
    [InlineData("bastion\ninner")]
    [InlineData("b\u0430stion")]
    [InlineData("a,b,c,d,e,f,g,h,i")]
    public void A_bad_chain_is_one_line_naming_the_setting(string value)
    {
        var arguments = Valid();
        arguments["ssh-proxy-jump"] = value;

        var error = Assert.Throws<SettingsException>(() => Load(arguments));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("--ssh-proxy-jump (DEV_SSH_PROXY_JUMP or SSH_PROXY_JUMP): ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void A_jump_host_for_the_local_host_is_refused()
    {
        var arguments = Valid();
        arguments["ssh-host"] = "local";
        arguments["ssh-proxy-jump"] = "bastion";

        var problem = Assert.Single(Assert.Throws<SettingsException>(() => Load(arguments)).Problems);

        Assert.Contains("a jump host needs an SSH server", problem, StringComparison.Ordinal);
    }
}
