using Infosync.Deploy.Deployment;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

public sealed class LockStateTests
{
    private static readonly LockHolder Holder = new("alice (GitLab)", "deploy", "v2", DateTimeOffset.UtcNow, null, "https://gitlab/job/7");

    [Fact]
    public void A_lock_whose_keeper_died_may_be_taken_over_at_once()
    {
        var state = LockState.Parse($"held 5 no infosync-deploy-lock-1\n{Holder.ToJson()}\n")!;

        Assert.True(state.IsAbandoned);
        Assert.True(state.MayBeTakenOver(TimeSpan.FromMinutes(30)));
        Assert.Equal("infosync-deploy-lock-1", state.Marker);
        Assert.Equal("alice (GitLab)", state.Holder!.Who);
    }

    [Fact]
    public void A_lock_whose_keeper_lives_is_never_taken_over_by_age()
    {
        var state = LockState.Parse($"held 100000 yes m\n{Holder.ToJson()}")!;

        Assert.False(state.MayBeTakenOver(TimeSpan.FromSeconds(1800)));
        Assert.False(state.MayBeTakenOver(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_lock_whose_keeper_cannot_be_checked_is_taken_over_once_older_than_stale_after()
    {
        var state = LockState.Parse($"held 100 unknown m\n{Holder.ToJson()}")!;

        Assert.False(state.MayBeTakenOver(TimeSpan.FromSeconds(1800)));
        Assert.True(state.MayBeTakenOver(TimeSpan.FromSeconds(100)));
    }

    [Fact]
    public void The_description_names_holder_tag_and_job()
    {
        var text = LockState.Parse($"held 3 yes m\n{Holder.ToJson()}")!.Describe(DateTimeOffset.UtcNow);

        Assert.Contains("alice (GitLab)", text, StringComparison.Ordinal);
        Assert.Contains("deploy of v2", text, StringComparison.Ordinal);
        Assert.Contains("https://gitlab/job/7", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("free")]
    [InlineData("held x yes")]
    public void Anything_else_is_no_lock(string output) => Assert.Null(LockState.Parse(output));

    [Fact]
    public void An_unreadable_holder_still_gives_a_state()
    {
        var state = LockState.Parse("held 40 unknown \n{not json")!;

        Assert.Null(state.KeeperAlive);
        Assert.Contains("unknown holder", state.Describe(DateTimeOffset.UtcNow), StringComparison.Ordinal);
    }
}
