using Infosync.Deploy.Deployment;
using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>
/// What the server writes back (the lock's holder, the history) reaches the job log inert, on one line per field,
/// while the names in it still show; GitLab's pipeline and job URLs are kept whole, so a refusal can name the job.
/// </summary>
[Collection(RigTests.Name)]
public sealed class ServerTextTests(RigFixture fixture)
{
    // Clears the screen, retitles the terminal twice (OSC ended by BEL, and by ESC \), and starts a forged error line.
    private const string Hostile = "\u001b[2J\u001b]0;pwned\u0007\u001b]2;again\u001b\\\r\nError: FORGED";

    private readonly RigProbe probe = new(fixture.Rig);

    [Theory]
    [InlineData("normal")]
    [InlineData("diagnostic")]
    public async Task Escapes_and_forged_lines_in_the_servers_lock_and_history_never_reach_the_output(string verbosity)
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("inert"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("stage", old);
        var image = $"{fixture.Rig.Repository}:{old}";
        var entry = new HistoryEntry(DateTimeOffset.UtcNow, "stage", "deploy" + Hostile + " action", image, image,
            DeployOutcome.Succeeded.Word(), 1.5, "eve" + Hostile + " history", null);
        // A line with the raw bytes, not JSON escapes: not an entry, so skipped, but printed whole by a careless reader.
        var raw = "{\"who\":\"raw" + Hostile + " raw line\"}";
        await PlantedFiles.HistoryAsync(fixture.Rig, "stage", entry.ToJson(), raw);
        using var holder = await ForeignLock.TakeAsync(fixture.Rig.DeployDirectory("stage"), "mallory" + Hostile + " holder");

        var deploy = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployStage", "--exclusive", $"--image-tag={tag}", $"--verbosity={verbosity}");
        var status = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=StatusStage", $"--verbosity={verbosity}");

        Assert.NotEqual(0, deploy.ExitCode);
        Assert.Contains("stage is locked by mallory Error: FORGED holder, deploy of v0", deploy.StandardError, StringComparison.Ordinal);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains("lock: held by mallory Error: FORGED holder, deploy of v0", status.Output, StringComparison.Ordinal);
        Assert.Contains("eve Error: FORGED history", status.Output, StringComparison.Ordinal);
        Assert.Contains("deploy Error: FORGED action", status.Output, StringComparison.Ordinal);
        foreach (var run in new[] { deploy, status })
        {
            Assert.DoesNotContain('\u001b', run.Output);
            Assert.DoesNotContain('\u0007', run.Output);
            Assert.DoesNotContain('\r', run.Output);
            Assert.DoesNotContain(run.Output.Split('\n'), line => line.TrimStart().StartsWith("Error: FORGED", StringComparison.Ordinal));
        }

        Assert.True(await probe.ServesAsync("stage", old), await probe.PageAsync("stage"));
    }

    [Fact]
    public async Task GitLabs_long_pipeline_and_job_urls_are_kept_whole_in_the_lock_the_refusal_and_the_history()
    {
        var (old, first, second) = (RigProbe.Tag("base"), RigProbe.Tag("url-a"), RigProbe.Tag("url-b"));
        await fixture.PublishAsync(first);
        await fixture.PublishAsync(second);
        await fixture.ResetAsync("pilot", old);
        var (jobUrl, pipelineUrl) = (LongUrl("jobs/4711"), LongUrl("pipelines/815"));
        var variables = fixture.Rig.DeployVariables();
        variables["GITLAB_CI"] = "true";
        variables["GITLAB_USER_LOGIN"] = "release-bot";
        variables["CI_JOB_URL"] = jobUrl;
        variables["CI_PIPELINE_URL"] = pipelineUrl;
        variables["HEALTH_SETTLE"] = "8";
        using var pipelineDeploy = BackgroundBuild.Start(variables, "--target=DeployPilot", "--exclusive", $"--image-tag={first}");
        await pipelineDeploy.WaitForOutputAsync("Pulling", TimeSpan.FromSeconds(60));
        var holder = File.ReadAllText(Path.Combine(fixture.Rig.DeployDirectory("pilot"), ".deploy", "lock", "holder.json"));

        var refused = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployPilot", "--exclusive", $"--image-tag={second}");

        Assert.Equal(0, await pipelineDeploy.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains($"\"pipeline\":\"{pipelineUrl}\",\"job\":\"{jobUrl}\"", holder, StringComparison.Ordinal);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("pilot is locked by release-bot (GitLab), deploy of " + first, refused.StandardError, StringComparison.Ordinal);
        Assert.Contains($", {jobUrl};", refused.StandardError, StringComparison.Ordinal);
        Assert.Contains($"\"pipeline\":\"{pipelineUrl}\"", probe.History("pilot").Last(), StringComparison.Ordinal);
        Assert.True(await probe.ServesAsync("pilot", first), await probe.PageAsync("pilot"));
    }

    // 150 characters, as a project deep in nested groups gets: well past the 60 that lock and history used to keep.
    private static string LongUrl(string tail)
    {
        const string start = "https://gitlab.example.com/department-of-platform-engineering/web-services/";
        var end = "/infosync-deploy/-/" + tail;
        return start + new string('x', 150 - start.Length - end.Length) + end;
    }
}
