using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Deployment;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

/// <summary>A deploy that finds the environment locked by a live deploy reads, pulls and changes nothing.</summary>
public sealed class DeployFlowLockTests
{
    private readonly StandardDeploy deploy = new();

    [Fact]
    public async Task A_lock_held_past_the_lock_wait_refuses_the_deploy_records_it_and_pulls_nothing()
    {
        var bob = new LockHolder("bob", "deploy", "v3", DateTimeOffset.UtcNow.AddSeconds(-12), null, null);
        deploy.Host.Answer("lock", LockCommands.Held, $"held 12 yes infosync-deploy-lock-bob\n{bob.ToJson()}\n");

        var refusal = await Assert.ThrowsAsync<LockHeldException>(() => deploy.DeployAsync("v2"));

        Assert.Equal(TimeSpan.Zero, deploy.Target.Lock.Wait);
        Assert.Equal(["keeper", "lock", "record failed"], deploy.Host.Steps);
        Assert.StartsWith("dev is locked by bob, deploy of v3, since ", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("waited 0 s (--lock-wait (DEV_LOCK_WAIT or LOCK_WAIT))", refusal.Message, StringComparison.Ordinal);
        var entry = Assert.Single(deploy.Server.History);
        Assert.Equal(("failed", refusal.Message, $"{StandardDeploy.Repo}:v2"), (entry.Result, entry.Message, entry.To));
        Assert.Equal(StandardDeploy.Compose, deploy.Server.Files[StandardDeploy.ComposePath]);
    }
}
