using Infosync.Deploy.Compose;
using Xunit;

namespace Infosync.Deploy.Tests.Compose;

/// <summary>Project names as Compose 2.26.1 and docker-compose 1.29.2 gave them on this rig.</summary>
public sealed class ComposeProjectNameTests
{
    [Theory]
    [InlineData(2, null, null, "/usr/local/infosync-dev", "/usr/local/infosync-dev", "infosync-dev")]
    [InlineData(1, null, null, "/usr/local/infosync-dev", "/usr/local/infosync-dev", "infosync-dev")]
    [InlineData(2, null, null, "/tmp/_Lead.Dir", "/tmp/_Lead.Dir", "leaddir")]
    [InlineData(1, null, null, "/tmp/_Lead.Dir", "/tmp/_Lead.Dir", "_leaddir")]
    [InlineData(2, null, null, "/tmp/linked", "/tmp/_Lead.Dir", "linked")]
    [InlineData(1, null, null, "/tmp/linked", "/tmp/_Lead.Dir", "_leaddir")]
    [InlineData(2, null, "My.App", "/srv/app", "/srv/app", "myapp")]
    [InlineData(2, null, "_myapp", "/srv/app", "/srv/app", "myapp")]
    [InlineData(2, "envname", "fromfile", "/srv/app", "/srv/app", "envname")]
    [InlineData(1, "Env.Name", null, "/srv/app", "/srv/app", "envname")]
    [InlineData(1, null, "ignored-by-v1", "/srv/app", "/srv/app", "app")]
    [InlineData(2, "Bad.Name", null, "/srv/app", "/srv/app", null)]
    [InlineData(2, null, null, "/srv/___", "/srv/___", null)]
    public void Names_follow_compose(int version, string? fromEnvironment, string? topLevelName, string directory, string physical, string? expected)
    {
        Assert.Equal(expected, ComposeProjectName.For(version, fromEnvironment, topLevelName, directory, physical));
    }
}
