using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Reliability;

/// <summary>
/// The SSH connection cut at each step of a deploy: the environment ends serving the old or the new version,
/// the compose file whole, no lock left behind, and a rerun converges.
/// </summary>
[Collection(RigTests.Name)]
public sealed class ConnectionCutTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    public static TheoryData<string, string, int, ComposeKind> Steps()
    {
        var steps = new TheoryData<string, string, int, ComposeKind>();
        foreach (var kind in new[] { ComposeKind.V2, ComposeKind.V1 })
        {
            steps.Add("after login", "$ docker pull", 0, kind);
            steps.Add("during pull", "$ docker pull", 150, kind);
            steps.Add("after the compose write", "up --detach --no-deps", 0, kind);
            steps.Add("during up", "up --detach --no-deps", 400, kind);
            steps.Add("during the health gate", "$ docker inspect", 300, kind);
        }

        return steps;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_cut_connection_is_cleaned_up_through_a_second_one(string step, string trigger, int delayMilliseconds, ComposeKind kind)
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("cut"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old, kind);
        var before = probe.ComposeBytes("dev");
        var variables = fixture.Rig.DeployVariables(kind);
        variables["HEALTH_SETTLE"] = "3";
        using (var run = BackgroundBuild.Start(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}", "--verbosity=diagnostic"))
        {
            await run.WaitForOutputAsync(trigger, TimeSpan.FromSeconds(60));
            await Task.Delay(delayMilliseconds);
            await ConnectionCutter.CutAsync(run.Output);
            var exitCode = await run.WaitForExitAsync(TimeSpan.FromMinutes(2));

            Assert.True(exitCode != 0, step + "\n" + run.Output);
            Assert.Contains("Reconnecting", run.Output, StringComparison.Ordinal);
        }

        var page = await probe.PageAsync("dev");
        Assert.True(page.Contains($"version: {old}<", StringComparison.Ordinal) || page.Contains($"version: {tag}<", StringComparison.Ordinal), step + ": " + page);
        Assert.Equal(before, probe.ComposeBytes("dev"));
        Assert.False(probe.LockExists("dev"), step);
        Assert.Contains("reconnected", probe.History("dev").Last(), StringComparison.Ordinal);

        var rerun = await BuildScript.RunAsync(fixture.Rig.DeployVariables(kind), "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

        Assert.True(rerun.ExitCode == 0, rerun.Output);
        Assert.True(await probe.ServesAsync("dev", tag));
    }
}
