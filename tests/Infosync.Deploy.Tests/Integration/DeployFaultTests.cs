using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>Each bad input or fault: a clear one-line error, a non-zero exit, and the server exactly as before.</summary>
[Collection(RigTests.Name)]
public sealed class DeployFaultTests(RigFixture fixture)
{
    // A real key line, for a server other than the rig's.
    private const string OtherServerKey = "[127.0.0.9]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n";

    private readonly RigProbe probe = new(fixture.Rig);

    public static TheoryData<string, string, string, string> Faults() => new()
    {
        { "wrong ssh password", "SSH_PASSWORD", "not the password", "SSH login to 127.0.0.1:2222 as deployer was refused" },
        { "wrong port", "SSH_PORT", "1", "Cannot reach 127.0.0.1:1" },
        { "unknown host key", "SSH_KNOWN_HOSTS", OtherServerKey, "is not known" },
        { "wrong harbor password", "HARBOR_PASSWORD", "not the password", "docker login to localhost:5443 as robot$infosync+ci" },
        { "missing deploy dir", "DEV_DEPLOY_DIR", "/usr/local/infosync-missing", "does not exist" },
        { "no service of this repository", "IMAGE_NAME", "other-app", "no service uses image repository localhost:5443/infosync/other-app" },
        { "tag not in the registry", "DEFAULT_IMAGE_TAG", "no-such-tag", "docker pull localhost:5443/infosync/infosync:no-such-tag" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_failed_deploy_leaves_the_old_version_serving_and_the_compose_file_whole(
        string fault, string variable, string value, string expectedError)
    {
        var old = RigProbe.Tag("base");
        await fixture.ResetAsync("dev", old);
        var before = probe.ComposeBytes("dev");
        var web = await probe.ContainerIdAsync("dev", "web");
        var variables = fixture.Rig.DeployVariables();
        variables["DEFAULT_IMAGE_TAG"] = RigProbe.Tag("base");
        variables[variable] = value;

        var run = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive");

        Assert.True(run.ExitCode != 0, fault);
        var error = Assert.Single(run.StandardError.Split('\n'), l => l.StartsWith("Error: ", StringComparison.Ordinal));
        Assert.Contains(expectedError, error, StringComparison.Ordinal);
        Assert.Equal(before, probe.ComposeBytes("dev"));
        Assert.Equal(web, await probe.ContainerIdAsync("dev", "web"));
        Assert.True(await probe.ServesAsync("dev", old), fault);
        Assert.False(probe.LockExists("dev"), fault);
        Assert.DoesNotContain(fixture.Rig.HarborPassword, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deploy_dir_with_shell_metacharacters_in_its_name_works()
    {
        var tag = RigProbe.Tag("quoted");
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("stage", RigProbe.Tag("base"));
        var directory = "/tmp/infosync it's $HOME;`id` \"q\" & x";
        await HostileDirectory.CreateAsync(directory, fixture.Rig.Repository + ":" + RigProbe.Tag("base"));
        var variables = fixture.Rig.DeployVariables();
        variables["STAGE_DEPLOY_DIR"] = directory;

        try
        {
            var run = await BuildScript.RunAsync(variables, "--target=DeployStage", "--exclusive", $"--image-tag={tag}");

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains($"image: {fixture.Rig.Repository}:{tag}", await File.ReadAllTextAsync(Path.Combine(directory, "docker-compose.yml")), StringComparison.Ordinal);
            Assert.Contains($"version: {tag}<", await HostileDirectory.PageAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await HostileDirectory.RemoveAsync(directory);
        }
    }
}
