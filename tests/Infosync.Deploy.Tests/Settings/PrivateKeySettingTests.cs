using Infosync.Deploy.Settings;
using Infosync.Deploy.Tests.Fakes;
using Xunit;

namespace Infosync.Deploy.Tests.Settings;

/// <summary>Private keys as users paste them: encrypted with a passphrase, with CRLF line ends, as text or a path.</summary>
public sealed class PrivateKeySettingTests(TestKeys keys) : IClassFixture<TestKeys>
{
    private static readonly SettingsRequest DeployDev = new(TagNeed.Required, false, true, true, [DeployEnvironment.Dev]);

    private static Dictionary<string, string> Arguments(string key) => new()
    {
        ["image-tag"] = "v1",
        ["harbor-host"] = "localhost:5443",
        ["harbor-username"] = "ci",
        ["harbor-password"] = "pw",
        ["ssh-host"] = "app.internal",
        ["ssh-username"] = "deployer",
        ["ssh-private-key"] = key,
    };

    private static SshSettings Load(Dictionary<string, string> arguments) =>
        InfosyncSettings.Load(new DictionarySettingSource(arguments), DeployDev, "/tmp", "/root").Targets[DeployEnvironment.Dev].Ssh;

    private static string Problem(Dictionary<string, string> arguments) =>
        Assert.Single(Assert.Throws<SettingsException>(() => Load(arguments)).Problems);

    [Fact]
    public void An_encrypted_key_opens_with_its_passphrase_which_stays_a_secret()
    {
        var arguments = Arguments(keys.EncryptedPath);
        arguments["ssh-private-key-passphrase"] = TestKeys.Passphrase;

        var ssh = Load(arguments);

        Assert.NotNull(ssh.PrivateKey);
        using var key = PrivateKeySetting.Load(ssh.PrivateKey, ssh.PrivateKeyPassphrase);
        Assert.Equal("ssh-ed25519", key.Key.ToString());
        Assert.Equal("[REDACTED]", $"{ssh.PrivateKeyPassphrase}");
        Assert.Contains(ssh.Secrets, s => s?.Reveal() == TestKeys.Passphrase);
    }

    [Fact]
    public void An_encrypted_key_without_its_passphrase_is_refused_naming_the_passphrase_setting()
    {
        var problem = Problem(Arguments(keys.EncryptedPath));

        Assert.Equal("--ssh-private-key (DEV_SSH_PRIVATE_KEY or SSH_PRIVATE_KEY): is encrypted: give its passphrase in " +
            "--ssh-private-key-passphrase (DEV_SSH_PRIVATE_KEY_PASSPHRASE or SSH_PRIVATE_KEY_PASSPHRASE)", problem);
    }

    [Fact]
    public void A_wrong_passphrase_is_refused_without_showing_either_passphrase()
    {
        var arguments = Arguments(File.ReadAllText(keys.EncryptedPath));
        arguments["ssh-private-key-passphrase"] = "not-this-one $(id)";

        var problem = Problem(arguments);

        Assert.Contains("does not open with the passphrase in --ssh-private-key-passphrase", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("not-this-one", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.Passphrase, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("encrypted")]
    public void Key_text_pasted_with_crlf_line_ends_works(string which)
    {
        var text = File.ReadAllText(which == "plain" ? keys.PlainPath : keys.EncryptedPath).ReplaceLineEndings("\r\n");
        var arguments = Arguments("\r\n" + text);
        arguments["ssh-private-key-passphrase"] = TestKeys.Passphrase;

        var ssh = Load(arguments);

        Assert.DoesNotContain('\r', ssh.PrivateKey!.Reveal());
        using var key = PrivateKeySetting.Load(ssh.PrivateKey, ssh.PrivateKeyPassphrase);
        Assert.Equal("ssh-ed25519", key.Key.ToString());
    }

    [Fact]
    public void A_passphrase_with_a_control_character_is_refused_without_echoing_it()
    {
        var arguments = Arguments(keys.PlainPath);
        arguments["ssh-private-key-passphrase"] = "pass\nphrase";

        var problem = Problem(arguments);

        Assert.StartsWith("--ssh-private-key-passphrase ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("phrase\n", problem, StringComparison.Ordinal);
    }
}
