using Infosync.Deploy.Tests.Fakes;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

/// <summary>The flow from top to bottom, and its failures before anything on the server is switched.</summary>
public sealed class DeployFlowTests
{
    private readonly StandardDeploy deploy = new();

    [Fact]
    public async Task A_deploy_locks_reads_pins_pulls_writes_switches_gates_records_prunes_and_unlocks_in_that_order()
    {
        var result = await deploy.DeployAsync("v2");

        Assert.Equal(
        [
            "keeper", "lock", "detect", "probe", "read .env", "read compose.yaml",
            "containers web", "inspect", "tag REPO:infosync-previous-dev-web",
            "digests REPO:v1", "login", "pull REPO:v2", "sync",
            "write compose.yaml", "up web", "gate web",
            "digests REPO:v2", "image id REPO:v2", "record succeeded", "history", "release",
        ], deploy.Host.Steps);
        Assert.Equal(StandardDeploy.ComposeWith("v2"), deploy.ComposeOnServer);
        Assert.Equal(FakeServer.IdOf(StandardDeploy.Repo + ":v2"), deploy.Server.Containers["web"].ImageId);
        var entry = Assert.Single(deploy.Server.History);
        Assert.Equal(("succeeded", StandardDeploy.Repo + ":v1", StandardDeploy.Repo + ":v2"), (entry.Result, entry.From, entry.To));
        Assert.Equal(StandardDeploy.V1Id, entry.FromImage);
        Assert.Equal("web", Assert.Single(result.Changes).Service);
    }
}
