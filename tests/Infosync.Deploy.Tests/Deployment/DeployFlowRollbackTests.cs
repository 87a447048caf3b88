using Infosync.Deploy.Deployment;
using Infosync.Deploy.Tests.Fakes;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

/// <summary>A switch that fails after the files were written: the files and the previous image come back, or it says why not.</summary>
public sealed class DeployFlowRollbackTests
{
    private readonly StandardDeploy deploy = new();

    [Fact]
    public async Task A_failed_up_restores_the_files_points_the_tag_back_and_brings_the_previous_version_up_again()
    {
        deploy.Host.Answer("up web", 1, error: "Error response from daemon: port is already allocated", times: 1);

        var failure = await Assert.ThrowsAsync<DeployException>(() => deploy.DeployAsync("v2"));

        Assert.Equal([.. StandardDeploy.UpToPull, "pull REPO:v2", "sync", "write compose.yaml", "up web",
            .. StandardDeploy.Rollback, "record failed", "release"], deploy.Host.Steps);
        Assert.StartsWith($"deploy of {StandardDeploy.Repo}:v2 to dev failed: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("port is already allocated", failure.Message, StringComparison.Ordinal);
        Assert.Contains("rolled back: the previous version runs again and the compose files are as they were", failure.Message, StringComparison.Ordinal);
        Assert.Equal(StandardDeploy.Compose, deploy.Server.Files[StandardDeploy.ComposePath]);
        Assert.Equal(StandardDeploy.V1Id, deploy.Server.Images[StandardDeploy.Repo + ":v1"]);
        Assert.Equal(StandardDeploy.V1Id, deploy.Server.Containers["web"].ImageId);
        Assert.Equal(("failed", failure.Message), (Assert.Single(deploy.Server.History).Result, deploy.Server.History[0].Message));
    }

    [Fact]
    public async Task An_unhealthy_new_version_is_rolled_back_and_the_previous_one_passes_the_gate()
    {
        var gate = new ScriptedGate("not healthy within 60 s: web restarted 3 times");
        deploy.Gate = gate;

        var failure = await Assert.ThrowsAsync<DeployException>(() => deploy.DeployAsync("v2"));

        Assert.Equal([.. StandardDeploy.UpToPull, "pull REPO:v2", "sync", "write compose.yaml", "up web", "gate web",
            .. StandardDeploy.Rollback, "record failed", "release"], deploy.Host.Steps);
        Assert.Contains("failed: not healthy within 60 s: web restarted 3 times; rolled back", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, gate.Calls);
        Assert.Equal(StandardDeploy.Compose, deploy.Server.Files[StandardDeploy.ComposePath]);
        Assert.Equal(StandardDeploy.V1Id, deploy.Server.Containers["web"].ImageId);
        Assert.Equal("failed", Assert.Single(deploy.Server.History).Result);
    }

    [Fact]
    public async Task A_reused_tag_the_pull_moved_is_pointed_back_at_the_image_that_ran()
    {
        deploy.Server.Registry[StandardDeploy.Repo + ":v1"] = FakeServer.IdOf("a rebuilt v1");
        deploy.Gate = new ScriptedGate("not healthy: web exited with code 1");

        var failure = await Assert.ThrowsAsync<DeployException>(() => deploy.DeployAsync("v1"));

        Assert.Equal([.. StandardDeploy.UpToPull, "pull REPO:v1", "sync", "up web", "gate web",
            .. StandardDeploy.Rollback[1..], "record failed", "release"], deploy.Host.Steps);
        Assert.Contains("rolled back: the previous version runs again", failure.Message, StringComparison.Ordinal);
        Assert.Equal(StandardDeploy.V1Id, deploy.Server.Images[StandardDeploy.Repo + ":v1"]);
        Assert.Equal(StandardDeploy.V1Id, deploy.Server.Containers["web"].ImageId);
    }

    [Fact]
    public async Task A_restore_that_fails_says_the_rollback_failed_too_and_brings_nothing_up()
    {
        deploy.Host.Answer("up web", 1, error: "Error response from daemon: port is already allocated", times: 1)
            .Answer("restore compose.yaml", 1, error: "No space left on device");

        var failure = await Assert.ThrowsAsync<DeployException>(() => deploy.DeployAsync("v2"));

        Assert.Equal([.. StandardDeploy.UpToPull, "pull REPO:v2", "sync", "write compose.yaml", "up web",
            "restore compose.yaml", "record failed", "release"], deploy.Host.Steps);
        Assert.Contains("the rollback failed too (", failure.Message, StringComparison.Ordinal);
        Assert.Contains("No space left on device", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("run the deploy again to converge.", failure.Message, StringComparison.Ordinal);
        Assert.Equal(StandardDeploy.ComposeWith("v2"), deploy.ComposeOnServer);
    }
}
