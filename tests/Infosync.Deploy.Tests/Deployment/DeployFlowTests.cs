using Infosync.Deploy.Deployment;
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
        Assert.Equal(StandardDeploy.UpToPull, deploy.Host.Steps.Take(StandardDeploy.UpToPull.Length));
        Assert.Equal(StandardDeploy.ComposeWith("v2"), deploy.ComposeOnServer);
        Assert.Equal(FakeServer.IdOf(StandardDeploy.Repo + ":v2"), deploy.Server.Containers["web"].ImageId);
        var entry = Assert.Single(deploy.Server.History);
        Assert.Equal(("succeeded", StandardDeploy.Repo + ":v1", StandardDeploy.Repo + ":v2"), (entry.Result, entry.From, entry.To));
        Assert.Equal(StandardDeploy.V1Id, entry.FromImage);
        Assert.Equal("web", Assert.Single(result.Changes).Service);
    }

    [Fact]
    public async Task A_failed_pull_changes_nothing_records_the_failure_and_unlocks()
    {
        deploy.Host.Answer("pull", 1, error: "manifest for registry.test/infosync/web:v2 not found");

        var failure = await Assert.ThrowsAsync<DeployException>(() => deploy.DeployAsync("v2"));

        Assert.Equal([.. StandardDeploy.UpToPull, "pull REPO:v2", "record failed", "release"], deploy.Host.Steps);
        Assert.EndsWith($"nothing was changed; dev still runs {StandardDeploy.Repo}:v1.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("manifest for registry.test/infosync/web:v2 not found", failure.Message, StringComparison.Ordinal);
        Assert.Equal(StandardDeploy.Compose, deploy.Server.Files[StandardDeploy.ComposePath]);
        var entry = Assert.Single(deploy.Server.History);
        Assert.Equal(("failed", failure.Message), (entry.Result, entry.Message));
    }

    [Fact]
    public async Task A_file_edited_on_the_server_since_it_was_read_is_kept_and_nothing_is_recreated()
    {
        var edited = "services:\n  web:\n    image: registry.test/infosync/web:hotfix\n"u8.ToArray();
        deploy.Host.Meanwhile("write compose.yaml", server => server.Files[StandardDeploy.ComposePath] = edited);

        var failure = await Assert.ThrowsAsync<DeployException>(() => deploy.DeployAsync("v2"));

        Assert.Equal([.. StandardDeploy.UpToPull, "pull REPO:v2", "sync", "write compose.yaml", "record failed", "release"], deploy.Host.Steps);
        Assert.Contains("changed on the server since it was read", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith($"nothing was recreated and the files keep the edit made on the server; dev still runs {StandardDeploy.Repo}:v1.",
            failure.Message, StringComparison.Ordinal);
        Assert.Equal(edited, deploy.Server.Files[StandardDeploy.ComposePath]);
        Assert.Equal(StandardDeploy.V1Id, deploy.Server.Containers["web"].ImageId);
        Assert.Equal("failed", Assert.Single(deploy.Server.History).Result);
    }
}
