using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

[Collection(RigTests.Name)]
public sealed class RollbackAndStatusTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    [Theory]
    [InlineData(ComposeKind.V2)]
    [InlineData(ComposeKind.V1)]
    public async Task Rollback_after_two_deploys_returns_the_first_version_and_status_shows_the_table(ComposeKind kind)
    {
        var (old, first, second) = (RigProbe.Tag("base"), RigProbe.Tag("first"), RigProbe.Tag("second"));
        await fixture.PublishAsync(first);
        await fixture.PublishAsync(second);
        await fixture.ResetAsync("stage", old, kind);
        var variables = fixture.Rig.DeployVariables(kind);
        await Deploy(variables, first);
        await Deploy(variables, second);
        var withoutHarborCredentials = new Dictionary<string, string>(variables);
        withoutHarborCredentials.Remove("HARBOR_USERNAME");
        withoutHarborCredentials.Remove("HARBOR_PASSWORD");

        var rollback = await BuildScript.RunAsync(withoutHarborCredentials, "--target=RollbackStage");
        var status = await BuildScript.RunAsync(withoutHarborCredentials, "--target=StatusStage");

        Assert.True(rollback.ExitCode == 0, rollback.Output);
        Assert.True(await probe.ServesAsync("stage", first), await probe.PageAsync("stage"));
        Assert.Contains("\"action\":\"rollback\"", probe.History("stage").Last(), StringComparison.Ordinal);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains($"web: {fixture.Rig.Repository}:{first}@sha256:", status.Output, StringComparison.Ordinal);
        Assert.Contains("running", status.Output, StringComparison.Ordinal);
        Assert.Contains("lock: free", status.Output, StringComparison.Ordinal);
        Assert.Contains("TIME (UTC)", status.Output, StringComparison.Ordinal);
        Assert.Equal(3, status.Output.Split('\n').Count(l => l.Contains("  succeeded  ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Rollback_to_a_named_tag_goes_there()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("named"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("stage", old);

        var rollback = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=RollbackStage", $"--image-tag={tag}");

        Assert.True(rollback.ExitCode == 0, rollback.Output);
        Assert.True(await probe.ServesAsync("stage", tag));
    }

    [Fact]
    public async Task RollbackDev_in_a_pipeline_that_sets_DEFAULT_IMAGE_TAG_to_the_current_tag_goes_to_the_previous_one()
    {
        var (old, first, second) = (RigProbe.Tag("base"), RigProbe.Tag("ci-first"), RigProbe.Tag("ci-second"));
        await fixture.PublishAsync(first);
        await fixture.PublishAsync(second);
        await fixture.ResetAsync("dev", old);
        await DeployDev(first);
        await DeployDev(second);
        var variables = fixture.Rig.DeployVariables();
        variables["DEFAULT_IMAGE_TAG"] = second;

        var rollback = await BuildScript.RunAsync(variables, "--target=RollbackDev");

        Assert.True(rollback.ExitCode == 0, rollback.Output);
        Assert.Contains($"Rolling dev back to {first}", rollback.Output, StringComparison.Ordinal);
        Assert.True(await probe.ServesAsync("dev", first), await probe.PageAsync("dev"));
        Assert.Contains($"image: {fixture.Rig.Repository}:{first}\n", File.ReadAllText(probe.ComposePath("dev")), StringComparison.Ordinal);
        var last = probe.History("dev").Last();
        Assert.Contains("\"action\":\"rollback\"", last, StringComparison.Ordinal);
        Assert.Contains($":{first}@sha256:", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollbackDev_with_ROLLBACK_TAG_goes_to_that_tag_whatever_DEFAULT_IMAGE_TAG_says()
    {
        var (old, named) = (RigProbe.Tag("base"), RigProbe.Tag("rollback-tag"));
        await fixture.PublishAsync(named);
        await fixture.ResetAsync("dev", old);
        var variables = fixture.Rig.DeployVariables();
        variables["DEFAULT_IMAGE_TAG"] = old;
        variables["ROLLBACK_TAG"] = named;

        var rollback = await BuildScript.RunAsync(variables, "--target=RollbackDev");

        Assert.True(rollback.ExitCode == 0, rollback.Output);
        Assert.True(await probe.ServesAsync("dev", named), await probe.PageAsync("dev"));
        Assert.Contains("\"action\":\"rollback\"", probe.History("dev").Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_without_history_says_which_tag_to_give()
    {
        await fixture.ResetAsync("stage", RigProbe.Tag("base"));

        var rollback = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=RollbackStage");

        Assert.NotEqual(0, rollback.ExitCode);
        Assert.Contains("--image-tag (ROLLBACK_TAG)", rollback.StandardError, StringComparison.Ordinal);
    }

    // As the pipeline's dev job deploys: the tag comes from DEFAULT_IMAGE_TAG, not from the command line.
    private async Task DeployDev(string tag)
    {
        var variables = fixture.Rig.DeployVariables();
        variables["DEFAULT_IMAGE_TAG"] = tag;
        var run = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive");
        Assert.True(run.ExitCode == 0, run.Output);
    }

    private static async Task Deploy(Dictionary<string, string> variables, string tag)
    {
        var run = await BuildScript.RunAsync(variables, "--target=DeployStage", "--exclusive", $"--image-tag={tag}");
        Assert.True(run.ExitCode == 0, run.Output);
    }
}
