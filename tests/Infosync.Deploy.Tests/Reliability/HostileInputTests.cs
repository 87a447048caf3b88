using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Reliability;

/// <summary>Bad values in every setting: a clear error before any change, nothing the value carried is executed.</summary>
[Collection(RigTests.Name)]
public sealed class HostileInputTests(RigFixture fixture)
{
    private const string Canary = "/tmp/infosync-pwned";
    private static readonly string TenKilobytes = new('a', 10_240);

    private readonly RigProbe probe = new(fixture.Rig);

    public static TheoryData<string, string> HostileValues() => new()
    {
        { "image-tag", $"v1;touch {Canary}" },
        { "image-tag", $"$(touch {Canary})" },
        { "image-tag", $"`touch {Canary}`" },
        { "image-tag", "v1'" },
        { "image-tag", "v1\"" },
        { "image-tag", $"v1\ntouch {Canary}" },
        { "image-tag", "\u0475" + "1" },
        { "image-tag", "v\uFF11" },
        { "image-tag", TenKilobytes },
        { "image-tag", "../../etc" },
        { "image-tag", "-v1" },
        { "image-tag", "v1|id" },
        { "harbor-host", $"localhost:5443;touch {Canary}" },
        { "harbor-host", $"$(touch {Canary})" },
        { "harbor-host", "l\u043Ecalhost:5443" },
        { "harbor-host", "localhost:5443/../x" },
        { "harbor-host", "https://localhost:5443" },
        { "harbor-host", "localhost:99999" },
        { "harbor-host", TenKilobytes },
        { "harbor-host", "local\nhost" },
        { "harbor-project", "infosync;id" },
        { "harbor-project", "../infosync" },
        { "image-name", "infosync$(id)" },
        { "image-name", "../../etc/passwd" },
        { "ssh-host", $"127.0.0.1;touch {Canary}" },
        { "ssh-host", $"$(touch {Canary})" },
        { "ssh-host", $"-oProxyCommand=touch {Canary}" },
        { "ssh-host", "127.0.0.1 -p 22" },
        { "ssh-port", "2222;id" },
        { "ssh-port", "65536" },
        { "ssh-port", "\uFF12\uFF12" },
        { "deploy-dir", "/usr/local/../../etc" },
        { "deploy-dir", "/usr/local/infosync-dev/../../root" },
        { "deploy-dir", "../etc" },
        { "deploy-dir", "/tmp/x\n/etc" },
        { "deploy-dir", "/" },
        { "ssh-strict-host-key-checking", "yes;id" },
        { "health-url", "file:///etc/passwd" },
        { "health-url", $"http://localhost/$(touch {Canary}) x" },
        { "health-timeout", "60;id" },
        { "health-timeout", "1e9" },
        { "lock-wait", $"$(touch {Canary})" },
        { "lock-stale-after", "-1" },
        { "lock-stale-after", "0" },
        { "compose-file", "../shared/docker-compose.yml" },
        { "compose-file", "/etc/compose.yml" },
        { "compose-file", $"$(touch {Canary})" },
        { "compose-file", "docker-compose.yml\nx.yml" },
        { "compose-file", "-f.yml" },
        { "compose-file", "a.yml::b.yml" },
        { "ssh-username", "deployer\nroot" },
        { "ssh-known-hosts", $"/nonexistent/$(touch {Canary})" },
        { "ssh-private-key", $"$(touch {Canary})" },
        { "ssh-private-key-passphrase", $"pw\n$(touch {Canary})" },
        { "ssh-proxy-jump", $"127.0.0.1;touch {Canary}" },
        { "ssh-proxy-jump", $"$(touch {Canary})" },
        { "ssh-proxy-jump", $"-oProxyCommand=touch {Canary}" },
        { "ssh-proxy-jump", $"deployer@127.0.0.1:2222,`touch {Canary}`" },
        { "ssh-proxy-jump", "127.0.0.1:2222,,127.0.0.1" },
        { "ssh-proxy-jump", "127.0.0.1:2222\n127.0.0.1" },
        { "ssh-proxy-jump", "127.0.0.1 -p 2222" },
        { "ssh-proxy-jump", "127.0.0.1:65536" },
        { "ssh-proxy-jump", TenKilobytes },
        { "ssh-proxy-jump-password", "pw\nroot" },
        { "ssh-proxy-jump-private-key", $"$(touch {Canary})" },
    };

    [Theory]
    [MemberData(nameof(HostileValues))]
    public async Task A_hostile_value_is_refused_before_anything_runs(string argument, string value)
    {
        File.Delete(Canary);
        var before = probe.ComposeBytes("dev");
        var logins = RigSsh.AcceptedLogins(fixture.Rig);
        var variables = fixture.Rig.DeployVariables();
        variables["DEFAULT_IMAGE_TAG"] = RigProbe.Tag("base");

        var run = await BuildScript.RunAsync(variables, "--target=DeployDev", $"--{argument}={value}");

        Assert.NotEqual(0, run.ExitCode);
        var error = Assert.Single(run.StandardError.Split('\n'), l => l.StartsWith("Error: ", StringComparison.Ordinal));
        Assert.Contains($"--{argument}", error, StringComparison.Ordinal);
        Assert.True(error.Length < 400, error);
        Assert.False(File.Exists(Canary));
        Assert.Equal(logins, RigSsh.AcceptedLogins(fixture.Rig));
        Assert.Equal(before, probe.ComposeBytes("dev"));
        Assert.DoesNotContain("Building", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DeployDev;id")]
    [InlineData("../../DeployDev")]
    [InlineData("Deploy$(id)")]
    public async Task An_unknown_target_is_refused_by_name(string target)
    {
        var run = await BuildScript.RunAsync($"--target={target}");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"Unknown target '{target}'", run.StandardError, StringComparison.Ordinal);
    }
}
