using System.Text;
using System.Text.Json;
using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>
/// The rig's registry user is a Harbor robot account, robot$infosync+ci: its '$' and '+' must survive every hop,
/// the runner's docker login, the server's docker login over SSH, and the server's credential store. The registry
/// knows no other user, so a push or pull that succeeds was logged in with the whole name.
/// </summary>
[Collection(RigTests.Name)]
public sealed class RobotAccountTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    private string User => fixture.Rig["HARBOR_USERNAME"];

    [Fact]
    public async Task The_registry_serves_the_robot_account_and_refuses_what_variable_expansion_makes_of_it()
    {
        Assert.Equal("robot$infosync+ci", User);
        Assert.Equal(200, await probe.RegistryStatusAsync(User, fixture.Rig.HarborPassword));
        // "$infosync" expanded as an unset variable: what GitLab passes on when "Expand variable reference" is ticked.
        Assert.Equal(401, await probe.RegistryStatusAsync("robot+ci", fixture.Rig.HarborPassword));
        Assert.Equal(401, await probe.RegistryStatusAsync("robot$infosync ci", fixture.Rig.HarborPassword));
    }

    [Fact]
    public async Task PushImage_logs_in_and_pushes_as_the_robot_account()
    {
        var tag = RigProbe.Tag("robot-push");

        var run = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=PushImage", $"--image-tag={tag}");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"Logging into {fixture.Rig.HarborHost} as {User}", run.Output, StringComparison.Ordinal);
        Assert.Contains(tag, await probe.RegistryTagsAsync());
    }

    [Fact]
    public async Task A_deploy_logs_the_server_in_as_the_robot_account_and_its_credential_store_keeps_it_exactly()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("robot-pull"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old);
        var store = Path.Combine(await DeployerHomeAsync(), ".docker", "config.json");
        File.Delete(store);

        var run = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(await probe.ServesAsync("dev", tag), await probe.PageAsync("dev"));
        using var config = JsonDocument.Parse(File.ReadAllText(store));
        var auth = config.RootElement.GetProperty("auths").GetProperty(fixture.Rig.HarborHost).GetProperty("auth").GetString()!;
        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        Assert.Equal(User, pair[..colon]);
        Assert.True(pair[(colon + 1)..] == fixture.Rig.HarborPassword, "the stored password differs from the rig's");
    }

    private async Task<string> DeployerHomeAsync()
    {
        var entry = await ProcessRun.StartAsync("getent", ["passwd", fixture.Rig["SSH_USERNAME"]]);
        return entry.StandardOutput.Trim().Split(':')[5];
    }
}
