using Infosync.Deploy.Settings;
using Xunit;

namespace Infosync.Deploy.Tests.Settings;

public sealed class SettingRulesTests
{
    [Theory]
    [InlineData("v1", true)]
    [InlineData("1.2.3-rc.1_build", true)]
    [InlineData("_underscore", true)]
    [InlineData(".dot", false)]
    [InlineData("-dash", false)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    [InlineData("v1\n", false)]
    [InlineData("tag:x", false)]
    public void Docker_tags(string value, bool valid) => Assert.Equal(valid, SettingRules.IsDockerTag(value));

    [Fact]
    public void Tags_are_at_most_128_characters()
    {
        Assert.True(SettingRules.IsDockerTag(new string('a', 128)));
        Assert.False(SettingRules.IsDockerTag(new string('a', 129)));
    }

    [Theory]
    [InlineData("localhost:5443", true)]
    [InlineData("harbor.example.com", true)]
    [InlineData("10.0.0.1:5000", true)]
    [InlineData("harbor.example.com:0", false)]
    [InlineData("harbor_example.com", false)]
    [InlineData("-harbor.example.com", false)]
    [InlineData("harbor.example.com:", false)]
    [InlineData("user@harbor.example.com", false)]
    [InlineData("harbor.example.com\n", false)]
    public void Registry_hosts(string value, bool valid) => Assert.Equal(valid, SettingRules.IsHostWithOptionalPort(value));

    [Theory]
    [InlineData("/usr/local/infosync-dev", true)]
    [InlineData("/srv/my app/it's $here;`x`", true)]
    [InlineData("/srv/./app", true)]
    [InlineData("/srv//app/", true)]
    [InlineData("/./.", false)]
    [InlineData("/srv/../etc", false)]
    [InlineData("srv/app", false)]
    [InlineData("/", false)]
    [InlineData("/srv/app\u0000", false)]
    public void Deploy_directories(string value, bool valid) => Assert.Equal(valid, SettingRules.IsSafeAbsolutePath(value));

    [Theory]
    [InlineData("infosync", true)]
    [InlineData("info.sync_a__b--c", true)]
    [InlineData("InfoSync", false)]
    [InlineData("info/sync", false)]
    [InlineData("info-", false)]
    public void Repository_components(string value, bool valid) => Assert.Equal(valid, SettingRules.IsRepositoryComponent(value));

    [Theory]
    [InlineData("/usr/local/infosync-dev", "/usr/local/infosync-dev")]
    [InlineData("/usr/local//infosync-dev", "/usr/local/infosync-dev")]
    [InlineData("/usr/local/./infosync-dev/", "/usr/local/infosync-dev")]
    [InlineData("//srv/./././app//", "/srv/app")]
    public void Deploy_directories_are_normalised_as_compose_records_them(string value, string normalised) =>
        Assert.Equal(normalised, SettingRules.NormalizePath(value));

    [Theory]
    [InlineData("docker-compose.yml", true)]
    [InlineData("docker-compose.yml:docker-compose.prod.yml", true)]
    [InlineData("compose/base.yml", false)]
    [InlineData("a.yml::b.yml", false)]
    [InlineData("..", false)]
    [InlineData("-f.yml", false)]
    [InlineData("a.yml\nb.yml", false)]
    public void Compose_file_lists(string value, bool valid) => Assert.Equal(valid, SettingRules.IsComposeFileList(value));
}
