using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>A new version that is not healthy is rolled back: old version serving, file byte-identical, failure recorded.</summary>
[Collection(RigTests.Name)]
public sealed class HealthGateTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    public static TheoryData<string, string, string, ComposeKind> BrokenVersions() => new()
    {
        { "exits", VariantImages.ExitsAtStart, "exit code 3", ComposeKind.V2 },
        { "sick", VariantImages.NeverHealthy, "is unhealthy", ComposeKind.V2 },
        { "exits", VariantImages.ExitsAtStart, "exit code 3", ComposeKind.V1 },
        { "sick", VariantImages.NeverHealthy, "is unhealthy", ComposeKind.V1 },
    };

    [Theory]
    [MemberData(nameof(BrokenVersions))]
    public async Task A_broken_image_is_rolled_back_and_the_failure_recorded(string name, string dockerfile, string reason, ComposeKind kind)
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag(name));
        await VariantImages.PublishOnceAsync(fixture.Rig, tag, dockerfile);
        await fixture.ResetAsync("dev", old, kind);
        var before = probe.ComposeBytes("dev");
        var variables = fixture.Rig.DeployVariables(kind);
        variables["HEALTH_TIMEOUT"] = "20";

        var run = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

        Assert.True(run.ExitCode != 0, run.Output);
        Assert.Contains(reason, run.Output, StringComparison.Ordinal);
        Assert.Contains("rolled back: the previous version runs again", run.StandardError, StringComparison.Ordinal);
        Assert.True(await probe.ServesAsync("dev", old), await probe.PageAsync("dev"));
        Assert.Equal(before, probe.ComposeBytes("dev"));
        var failure = Assert.Single(probe.History("dev"));
        Assert.Contains("\"result\":\"failed\"", failure, StringComparison.Ordinal);
        Assert.False(probe.LockExists("dev"));
    }

    [Theory]
    [InlineData(ComposeKind.V2, "infosync-dev-web-1")]
    [InlineData(ComposeKind.V1, "infosync-dev_web_1")]
    public async Task The_failed_container_state_and_last_log_lines_are_printed(ComposeKind kind, string container)
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("exits"));
        await VariantImages.PublishOnceAsync(fixture.Rig, tag, VariantImages.ExitsAtStart);
        await fixture.ResetAsync("dev", old, kind);

        var run = await BuildScript.RunAsync(fixture.Rig.DeployVariables(kind), "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

        // Docker resets the exit code once the restart policy has restarted the container, so it is not asserted.
        Assert.Matches(container + @" \([0-9a-f]{12}\): \w+, exit code \d+, \d+ restart\(s\)", run.Output);
        Assert.Contains($"last log lines of {container}", run.Output, StringComparison.Ordinal);
        Assert.Contains("fatal: no config", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_health_url_that_does_not_answer_2xx_rolls_back()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("url"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old);
        var before = probe.ComposeBytes("dev");
        var variables = fixture.Rig.DeployVariables();
        variables["DEV_HEALTH_URL"] = $"http://127.0.0.1:{fixture.Rig.WebPort("dev")}/missing-health-page";
        variables["HEALTH_TIMEOUT"] = "5";

        var run = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

        Assert.True(run.ExitCode != 0, run.Output);
        Assert.Contains("answered HTTP 404", run.Output, StringComparison.Ordinal);
        Assert.True(await probe.ServesAsync("dev", old));
        Assert.Equal(before, probe.ComposeBytes("dev"));
    }

    [Fact]
    public async Task A_health_url_with_brackets_and_braces_is_fetched_as_written()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("url-glob"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old);
        var variables = fixture.Rig.DeployVariables();
        variables["DEV_HEALTH_URL"] = $"http://127.0.0.1:{fixture.Rig.WebPort("dev")}/?filter[status]=up&fields={{name}}";
        variables["HEALTH_TIMEOUT"] = "10";

        var run = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(await probe.ServesAsync("dev", tag));
    }

    [Fact]
    public async Task An_image_with_a_passing_healthcheck_is_deployed_once_docker_reports_healthy()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("healthy"));
        await VariantImages.PublishOnceAsync(fixture.Rig, tag, VariantImages.Healthy(tag));
        await fixture.ResetAsync("dev", old);
        var variables = fixture.Rig.DeployVariables();
        variables["DEV_HEALTH_URL"] = $"http://127.0.0.1:{fixture.Rig.WebPort("dev")}/";

        var run = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(await probe.ServesAsync("dev", tag));
        Assert.Contains("\"result\":\"succeeded\"", Assert.Single(probe.History("dev")), StringComparison.Ordinal);
    }
}
