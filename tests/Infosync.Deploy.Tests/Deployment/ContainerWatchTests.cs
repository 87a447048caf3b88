using Infosync.Deploy.Deployment;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

public sealed class ContainerWatchTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static ContainerState State(string status = "running", string? health = null, int restarts = 0, string started = "t1") =>
        new("abc123", "/infosync-dev_web_1", "img:v2", "sha256:1", status, health, restarts, 0, started);

    [Fact]
    public void Without_healthcheck_a_container_is_healthy_after_running_unchanged_for_the_settle_time()
    {
        var watch = new ContainerWatch(TimeSpan.FromSeconds(3));

        var first = watch.Judge([State()], Start);
        var later = watch.Judge([State()], Start.AddSeconds(3));

        Assert.False(first.Healthy);
        Assert.True(later.Healthy);
    }

    [Fact]
    public void A_restart_during_the_settle_time_is_a_hopeless_failure()
    {
        var watch = new ContainerWatch(TimeSpan.FromSeconds(3));
        watch.Judge([State()], Start);

        var verdict = watch.Judge([State(restarts: 1, started: "t2")], Start.AddSeconds(1));

        Assert.False(verdict.Healthy);
        Assert.True(verdict.Hopeless);
    }

    [Theory]
    [InlineData("exited")]
    [InlineData("dead")]
    [InlineData("restarting")]
    public void A_stopped_or_restarting_container_fails_at_once(string status)
    {
        var verdict = new ContainerWatch(TimeSpan.FromSeconds(3)).Judge([State(status)], Start);

        Assert.True(verdict.Hopeless);
    }

    [Fact]
    public void With_healthcheck_docker_health_decides()
    {
        var watch = new ContainerWatch(TimeSpan.FromSeconds(3));

        Assert.False(watch.Judge([State(health: "starting")], Start).Healthy);
        Assert.True(watch.Judge([State(health: "healthy")], Start).Healthy);
        Assert.True(watch.Judge([State(health: "unhealthy")], Start).Hopeless);
    }

    [Fact]
    public void Inspect_output_is_parsed()
    {
        const string json = """
            [{"Id":"abc","Name":"/web","Image":"sha256:1","RestartCount":2,
              "Config":{"Image":"r/p/n:v1"},
              "State":{"Status":"running","ExitCode":0,"StartedAt":"2026-11-26T12:00:00Z","Health":{"Status":"healthy"}}}]
            """;

        var state = Assert.Single(ContainerState.ParseInspect(json));

        Assert.Equal(("r/p/n:v1", "healthy", 2), (state.Image, state.Health, state.RestartCount));
    }
}
