using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Deployment;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Tests.Fakes;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

/// <summary>A connection that drops while the deploy holds the lock (pulling, writing, switching): a second connection takes the lock back and puts the server back as it was.</summary>
public sealed class DeployFlowRecoveryTests
{
    private readonly StandardDeploy deploy = new();
    private readonly FlowHost second;

    public DeployFlowRecoveryTests()
    {
        second = deploy.Server.Connect("second");
        deploy.Reconnect = () => Task.FromResult<IRemoteHost>(second);
    }

    [Theory]
    [InlineData("pull REPO:v2")]
    [InlineData("write compose.yaml")]
    [InlineData("up web")]
    [InlineData("gate web")]
    public async Task A_connection_lost_after_the_lock_is_cleaned_up_over_a_second_one(string step)
    {
        deploy.Host.DropOn(step);

        var failure = await Assert.ThrowsAsync<DeployException>(() => deploy.DeployAsync("v2"));

        Assert.Equal(step, deploy.Host.Steps[^1]);
        Assert.Equal(["keeper", "reclaim", .. StandardDeploy.Rollback, "record failed", "release"], second.Steps);
        Assert.StartsWith($"deploy of {StandardDeploy.Repo}:v2 to dev failed: the connection to first was lost during {step}; " +
            "reconnected: rolled back", failure.Message, StringComparison.Ordinal);
        Assert.Equal(StandardDeploy.Compose, deploy.Server.Files[StandardDeploy.ComposePath]);
        Assert.Equal(StandardDeploy.V1Id, deploy.Server.Containers["web"].ImageId);
        Assert.Equal(("failed", failure.Message), (Assert.Single(deploy.Server.History).Result, deploy.Server.History[0].Message));
    }

    [Fact]
    public async Task When_reconnecting_fails_too_the_message_says_so_and_the_server_keeps_its_state()
    {
        deploy.Host.DropOn("up web");
        deploy.Reconnect = () => throw new RemoteHostException("dev.test:22 refused the connection");

        var failure = await Assert.ThrowsAsync<DeployException>(() => deploy.DeployAsync("v2"));

        Assert.Contains("failed: the connection to first was lost during up web; reconnecting failed too (dev.test:22 refused the connection)",
            failure.Message, StringComparison.Ordinal);
        Assert.Contains("run the deploy again to converge", failure.Message, StringComparison.Ordinal);
        Assert.Equal(StandardDeploy.ComposeWith("v2"), deploy.ComposeOnServer);
    }

    [Fact]
    public async Task A_lock_another_deploy_took_over_meanwhile_leaves_its_work_alone()
    {
        var bob = new LockHolder("bob", "deploy", "v3", DateTimeOffset.UtcNow.AddSeconds(-5), null, "https://gitlab.test/jobs/7");
        deploy.Host.DropOn("up web");
        second.Answer("reclaim", LockCommands.Held, $"held 5 yes infosync-deploy-lock-bob\n{bob.ToJson()}\n");

        var failure = await Assert.ThrowsAsync<DeployException>(() => deploy.DeployAsync("v2"));

        Assert.Equal(["keeper", "reclaim", "record failed"], second.Steps);
        Assert.Contains("; reconnected, but bob, deploy of v3, since ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("https://gitlab.test/jobs/7 has taken the deploy lock over since, so its work is left as it is.", failure.Message, StringComparison.Ordinal);
        Assert.Equal(StandardDeploy.ComposeWith("v2"), deploy.ComposeOnServer);
    }
}
