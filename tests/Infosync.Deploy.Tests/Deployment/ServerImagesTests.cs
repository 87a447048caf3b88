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
    public async Task Pruning_keeps_the_five_newest_and_the_protected_tags()
    {
        var host = new ScriptedHost().Answer("image ls", "v9\nv8\nv7\nv6\nv5\nv4\nv3\n<none>\nv2\nv1\n");

        await new ServerImages(host, Registry, new NullLog(), Redactor.None).PruneAsync(["v9", "v2"]);

        var removal = Assert.Single(host.Commands, c => c.Contains("image rm", StringComparison.Ordinal));
        Assert.Equal("docker image rm harbor:5000/infosync/infosync:v4 harbor:5000/infosync/infosync:v3 harbor:5000/infosync/infosync:v1", removal);
    }

    [Fact]
    public async Task Nothing_is_pruned_when_five_or_fewer_images_exist()
    {
        var host = new ScriptedHost().Answer("image ls", "v5\nv4\nv3\nv2\nv1\n");

        await new ServerImages(host, Registry, new NullLog(), Redactor.None).PruneAsync(["v5"]);

        Assert.DoesNotContain(host.Commands, c => c.Contains("image rm", StringComparison.Ordinal));
    }

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
