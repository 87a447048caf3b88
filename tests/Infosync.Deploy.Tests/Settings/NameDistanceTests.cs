using Infosync.Deploy.Settings;
using Xunit;

namespace Infosync.Deploy.Tests.Settings;

public sealed class NameDistanceTests
{
    [Theory]
    [InlineData("deploy-dir", "deploy-dir", 0)]
    [InlineData("DEPLOY-DIR", "deploy-dir", 0)]
    [InlineData("deploy-dri", "deploy-dir", 1)]
    [InlineData("helth-timeout", "health-timeout", 1)]
    [InlineData("exlusive", "exclusive", 1)]
    [InlineData("image_tag", "image-tag", 1)]
    [InlineData("hlep", "help", 1)]
    [InlineData("DEV_SSH_HSOT", "DEV_SSH_HOST", 1)]
    [InlineData("ca", "abc", 3)]
    [InlineData("", "tree", 4)]
    [InlineData("SSH_TTY", "SSH_PORT", 4)]
    public void Distance_counts_inserts_deletes_substitutions_and_swaps(string first, string second, int distance)
    {
        Assert.Equal(distance, NameDistance.Between(first, second));
        Assert.Equal(distance, NameDistance.Between(second, first));
    }

    [Theory]
    [InlineData("tre", "tree", true)]
    [InlineData("trex", "tree", true)]
    [InlineData("tr", "tree", false)]
    [InlineData("x", "t", false)]
    [InlineData("T", "t", true)]
    [InlineData("ssh-prot", "ssh-port", true)]
    [InlineData("sh-prt", "ssh-port", true)]
    [InlineData("port", "ssh-port", false)]
    [InlineData("deploy-dri", "deploy-dir", true)]
    [InlineData("deply-dri", "deploy-dir", true)]
    [InlineData("dply-dri", "deploy-dir", false)]
    [InlineData("lock-stale", "lock-stale-after", false)]
    [InlineData("HARBOR_PASWORD", "HARBOR_PASSWORD", true)]
    [InlineData("HARBOR_OCI", "HARBOR_HOST", false)]
    [InlineData("SSH_USER_AUTH", "SSH_USERNAME", false)]
    public void Close_means_at_most_one_edit_per_four_characters_of_the_known_name(string typed, string known, bool close) =>
        Assert.Equal(close, NameDistance.IsClose(typed, known));

    [Fact]
    public void The_closest_name_wins_and_the_first_of_equals()
    {
        Assert.Equal("ssh-host", NameDistance.Closest("ssh-hots", ["ssh-port", "ssh-host"]));
        Assert.Equal("ssh-port", NameDistance.Closest("ssh-post", ["ssh-port", "ssh-host"]));
        Assert.Null(NameDistance.Closest("frobnicate", ["ssh-port", "ssh-host"]));
    }
}
