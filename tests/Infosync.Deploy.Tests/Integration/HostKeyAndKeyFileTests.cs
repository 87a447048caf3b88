using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

[Collection(RigTests.Name)]
public sealed class HostKeyAndKeyFileTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    [Fact]
    public async Task Accept_new_records_the_host_key_and_a_private_key_file_path_authenticates()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("accept-new"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old);
        var knownHosts = Path.Combine(Path.GetTempPath(), $"infosync-known-hosts-{Guid.NewGuid():N}", "known_hosts");
        var variables = fixture.Rig.DeployVariables();
        variables.Remove("SSH_PASSWORD");
        variables["SSH_PRIVATE_KEY"] = fixture.Rig["RIG_SSH_PRIVATE_KEY"];
        variables["SSH_KNOWN_HOSTS"] = knownHosts;
        variables["SSH_STRICT_HOST_KEY_CHECKING"] = "accept-new";

        var first = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}");
        variables["SSH_STRICT_HOST_KEY_CHECKING"] = "yes";
        var second = await BuildScript.RunAsync(variables, "--target=StatusDev");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("Trusting the new host key of [127.0.0.1]:2222", first.Output, StringComparison.Ordinal);
        Assert.StartsWith("[127.0.0.1]:2222 ", await File.ReadAllTextAsync(knownHosts), StringComparison.Ordinal);
        Assert.True(await probe.ServesAsync("dev", tag));
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.DoesNotContain("Trusting", second.Output, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(knownHosts)!, recursive: true);
    }
}
