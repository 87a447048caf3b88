using Infosync.Deploy.Deployment;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

/// <summary>A health URL naming a service is fetched from each of its containers; any other URL as written.</summary>
public sealed class HealthUrlsTests
{
    private static readonly ContainerState[] Containers =
    [
        new("a1", "/infosync-dev-web-2", "r:v2", "sha256:1", "running", null, 0, 0, "") { Service = "web", Addresses = ["172.18.0.5"] },
        new("b1", "/infosync-dev-web-3", "r:v2", "sha256:1", "running", null, 0, 0, "") { Service = "web", Addresses = ["172.18.0.6", "10.0.0.2"] },
        new("c1", "/infosync-dev-proxy-1", "p", "sha256:2", "running", null, 0, 0, "") { Service = "proxy", Addresses = ["172.18.0.2"] },
    ];

    [Fact]
    public void A_url_on_a_service_name_is_fetched_from_each_of_its_containers_at_its_first_address()
    {
        var urls = HealthUrls.For("http://web:8080/cgi-bin/health?x=1", Containers);

        Assert.Equal(["http://172.18.0.5:8080/cgi-bin/health?x=1", "http://172.18.0.6:8080/cgi-bin/health?x=1"], urls.Select(u => u.Url));
        Assert.Equal("http://web:8080/cgi-bin/health?x=1 of infosync-dev-web-2 (172.18.0.5)", urls[0].Shown);
    }

    [Theory]
    [InlineData("http://127.0.0.1:18081/health")]
    [InlineData("https://infosync.example/health")]
    public void Any_other_url_is_fetched_as_written(string url) =>
        Assert.Equal([(url, url)], HealthUrls.For(url, Containers));

    [Fact]
    public void A_container_without_an_address_is_named_and_its_url_left_to_fail()
    {
        var urls = HealthUrls.For("http://web/", [Containers[0] with { Addresses = [] }]);

        Assert.Equal(("http://web/", "http://web/ of infosync-dev-web-2 (no address on any network)"), Assert.Single(urls));
    }
}
