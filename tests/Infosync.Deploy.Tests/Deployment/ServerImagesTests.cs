using Infosync.Deploy.Deployment;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;
using Infosync.Deploy.Tests.Fakes;
using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

public sealed class ServerImagesTests
{
    private static readonly RegistrySettings Registry = new("harbor:5000", "infosync", "infosync", "ci", new Secret("pw"));

    [Fact]
    public async Task Pruning_keeps_the_five_newest_deployed_tags_and_the_protected_ones()
    {
        var host = new ScriptedHost().Answer("image ls", "v9\nv8\nv7\nv6\nv5\nv4\nv3\n<none>\nother-env\nv2\nv1\n");
        var history = Deployed("v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9");

        await new ServerImages(host, Registry, new NullLog(), Redactor.None).PruneAsync(history, ["v9", "v2"]);

        var removal = Assert.Single(host.Commands, c => c.Contains("image rm", StringComparison.Ordinal));
        Assert.Equal("docker image rm harbor:5000/infosync/infosync:v4 harbor:5000/infosync/infosync:v3 harbor:5000/infosync/infosync:v1", removal);
    }

    [Fact]
    public async Task Images_this_environment_never_deployed_are_left_alone()
    {
        var host = new ScriptedHost().Answer("image ls", "pilot-1\npilot-2\npilot-3\npilot-4\npilot-5\npilot-6\nv1\n");

        await new ServerImages(host, Registry, new NullLog(), Redactor.None).PruneAsync(Deployed("v1"), ["v1"]);

        Assert.DoesNotContain(host.Commands, c => c.Contains("image rm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tag_deployed_again_counts_as_new()
    {
        var host = new ScriptedHost().Answer("image ls", "v1\nv2\nv3\nv4\nv5\nv6\n");

        await new ServerImages(host, Registry, new NullLog(), Redactor.None).PruneAsync(Deployed("v1", "v2", "v3", "v4", "v5", "v6", "v1"), ["v1"]);

        Assert.Equal("docker image rm harbor:5000/infosync/infosync:v2", Assert.Single(host.Commands, c => c.Contains("image rm", StringComparison.Ordinal)));
    }

    private static List<HistoryEntry> Deployed(params string[] tags) =>
        [.. tags.Select(t => new HistoryEntry(DateTimeOffset.UtcNow, "dev", "deploy", null, $"harbor:5000/infosync/infosync:{t}", DeployOutcome.Succeeded.Word(), 1, "me", null))];

    [Fact]
    public async Task The_digest_comes_from_the_repository_s_own_repo_digest()
    {
        var digest = "sha256:" + new string('c', 64);
        var host = new ScriptedHost().Answer("image inspect", $"other/repo@sha256:{new string('d', 64)} harbor:5000/infosync/infosync@{digest}\n");

        var reference = await new ServerImages(host, Registry, new NullLog(), Redactor.None).WithDigestAsync("harbor:5000/infosync/infosync:v2");

        Assert.Equal($"harbor:5000/infosync/infosync:v2@{digest}", reference);
    }

    [Fact]
    public async Task A_failed_login_is_reported_with_the_password_scrubbed()
    {
        var host = new ScriptedHost().Answer("docker login", "unauthorized: pw is wrong", exitCode: 1);

        var error = await Assert.ThrowsAsync<Deploy.Commands.CommandFailedException>(() =>
            new ServerImages(host, Registry, new NullLog(), new Redactor([Registry.Password])).LoginAsync(CancellationToken.None));

        Assert.DoesNotContain(" pw ", error.Message, StringComparison.Ordinal);
        Assert.Contains("[REDACTED]", error.Message, StringComparison.Ordinal);
    }
}
