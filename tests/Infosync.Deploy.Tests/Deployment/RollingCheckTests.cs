using Infosync.Deploy.Deployment;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

/// <summary>What cannot roll is refused on Compose's merged view, saying what to change; the stop grace comes from the service.</summary>
public sealed class RollingCheckTests
{
    private const string Proxy = "\"proxy\":{\"networks\":{\"default\":null}}";

    public static TheoryData<string, string> Refusals() => new()
    {
        { "\"web\":{\"container_name\":\"infosync-web\"}," + Proxy, "it has container_name: infosync-web, and two containers cannot share a name" },
        { "\"web\":{\"ports\":[{\"target\":8080,\"published\":\"18081\",\"host_ip\":\"127.0.0.1\"}]}," + Proxy, "it publishes host port 18081 (ports:)" },
        { "\"web\":{\"network_mode\":\"host\"}," + Proxy, "it has network_mode: host" },
        { "\"web\":{\"networks\":{\"back\":null}}," + Proxy, "no other service shares a network with it" },
        { "\"web\":{}", "no other service shares a network with it" },
        { Proxy, "Compose's merged project has no service web" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_service_that_cannot_run_twice_behind_a_proxy_is_refused(string services, string reason)
    {
        var (refusal, _) = RollingCheck.Judge($"{{\"services\":{{{services}}}}}", ["web"]);

        Assert.NotNull(refusal);
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"web\":{\"ports\":[{\"target\":8080}]}," + Proxy)]
    [InlineData("\"web\":{\"ports\":[{\"target\":8080,\"published\":\"\"}],\"networks\":{\"front\":null}},\"proxy\":{\"networks\":{\"front\":null,\"x\":null}}")]
    public void A_container_port_without_a_host_port_and_a_shared_network_can_roll(string services)
    {
        var (refusal, grace) = RollingCheck.Judge($"{{\"services\":{{{services}}}}}", ["web"]);

        Assert.Null(refusal);
        Assert.Equal(RollingCheck.DefaultGrace, grace["web"]);
    }

    [Fact]
    public void The_stop_grace_period_is_the_services()
    {
        var (_, grace) = RollingCheck.Judge("{\"services\":{\"web\":{\"stop_grace_period\":\"1m30s\"}," + Proxy + "}}", ["web"]);

        Assert.Equal(TimeSpan.FromSeconds(90), grace["web"]);
    }

    [Theory]
    [InlineData("30s", 30.0)]
    [InlineData("1m30s", 90.0)]
    [InlineData("1h", 3600.0)]
    [InlineData("1.5s", 1.5)]
    [InlineData("500ms", 0.5)]
    public void Go_durations_are_read_as_Compose_prints_them(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RollingCheck.ParseDuration(text));

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("30 s")]
    [InlineData("s30")]
    public void Anything_else_is_not_a_duration(string text) => Assert.Null(RollingCheck.ParseDuration(text));
}
