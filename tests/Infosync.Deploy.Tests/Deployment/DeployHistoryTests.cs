using Infosync.Deploy.Deployment;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

public sealed class DeployHistoryTests
{
    private const string Repo = "localhost:5443/infosync/infosync";

    private static HistoryEntry Entry(string action, string from, string to, string result = "succeeded", string? fromImage = null, string? toImage = null) =>
        new(DateTimeOffset.UtcNow, "dev", action, $"{Repo}:{from}", $"{Repo}:{to}@sha256:{new string('a', 64)}", result, 1, "me", null,
            FromImage: fromImage, ToImage: toImage);

    [Fact]
    public void Rollback_goes_to_the_tag_the_current_one_replaced()
    {
        var entries = new[] { Entry("deploy", "v0", "v1"), Entry("deploy", "v1", "v2") };

        Assert.Equal("v1", DeployHistory.Previous(entries, "v2", null)?.Tag);
    }

    [Fact]
    public void Repeated_rollbacks_walk_back_through_the_deploys()
    {
        var entries = new[] { Entry("deploy", "v0", "v1"), Entry("deploy", "v1", "v2"), Entry("rollback", "v2", "v1") };

        Assert.Equal("v0", DeployHistory.Previous(entries, "v1", null)?.Tag);
    }

    [Fact]
    public void Failed_attempts_are_not_rollback_targets()
    {
        var entries = new[] { Entry("deploy", "v0", "v1"), Entry("deploy", "v1", "v9", DeployOutcome.Failed.Word()) };

        Assert.Equal("v0", DeployHistory.Previous(entries, "v1", null)?.Tag);
    }

    [Fact]
    public void A_reused_tag_rolls_back_to_the_image_it_named_before_by_id()
    {
        var entries = new[]
        {
            Entry("deploy", "latest", "latest", fromImage: "sha256:a", toImage: "sha256:b"),
            Entry("deploy", "latest", "latest", fromImage: "sha256:b", toImage: "sha256:c"),
        };

        var point = DeployHistory.Previous(entries, "latest", "sha256:c");

        Assert.Equal(new RollbackPoint("latest", "sha256:b", null), point);
        Assert.Equal("sha256:a", DeployHistory.Previous(entries, "latest", "sha256:b")?.ImageId);
    }

    [Fact]
    public void A_reused_tag_without_recorded_ids_has_nothing_to_roll_back_to()
    {
        var entries = new[] { Entry("deploy", "latest", "latest") };

        Assert.Null(DeployHistory.Previous(entries, "latest", "sha256:c"));
    }

    [Fact]
    public void The_digest_recorded_with_the_old_reference_comes_along()
    {
        var digest = "sha256:" + new string('d', 64);
        var entries = new[] { new HistoryEntry(DateTimeOffset.UtcNow, "dev", "deploy", $"{Repo}:v1@{digest}", $"{Repo}:v2", DeployOutcome.Succeeded.Word(), 1, "me", null) };

        Assert.Equal(new RollbackPoint("v1", null, digest), DeployHistory.Previous(entries, "v2", null));
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
