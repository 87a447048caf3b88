using Infosync.Deploy.Deployment;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

public sealed class DeployHistoryTests
{
    private const string Repo = "localhost:5443/infosync/infosync";

    private static HistoryEntry Entry(string action, string from, string to, string result = HistoryEntry.Succeeded) =>
        new(DateTimeOffset.UtcNow, "dev", action, $"{Repo}:{from}", $"{Repo}:{to}@sha256:{new string('a', 64)}", result, 1, "me", null);

    [Fact]
    public void Rollback_goes_to_the_tag_the_current_one_replaced()
    {
        var entries = new[] { Entry("deploy", "v0", "v1"), Entry("deploy", "v1", "v2") };

        Assert.Equal("v1", DeployHistory.PreviousTag(entries, "v2"));
    }

    [Fact]
    public void Repeated_rollbacks_walk_back_through_the_deploys()
    {
        var entries = new[] { Entry("deploy", "v0", "v1"), Entry("deploy", "v1", "v2"), Entry("rollback", "v2", "v1") };

        Assert.Equal("v0", DeployHistory.PreviousTag(entries, "v1"));
    }

    [Fact]
    public void Failed_attempts_are_not_rollback_targets()
    {
        var entries = new[] { Entry("deploy", "v0", "v1"), Entry("deploy", "v1", "v9", HistoryEntry.Failed) };

        Assert.Equal("v0", DeployHistory.PreviousTag(entries, "v1"));
    }

    [Fact]
    public void Torn_lines_are_skipped()
    {
        var text = Entry("deploy", "v0", "v1").ToJson() + "\n{\"time\":\"2026-\n" + Entry("deploy", "v1", "v2").ToJson() + "\n";

        Assert.Equal(2, HistoryEntry.ParseLines(text).Count);
    }

    [Theory]
    [InlineData("localhost:5443/p/n:v1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "v1")]
    [InlineData("localhost:5443/p/n", "latest")]
    [InlineData("localhost:5443/p/n@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "latest")]
    public void Tags_are_read_from_references(string reference, string tag) => Assert.Equal(tag, DeployHistory.TagOf(reference));
}
