using System.Text.Json;
using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>.gitlab-ci.yml, validated against GitLab's schema and run job by job by gitlab-ci-local on the rig.</summary>
[Collection(RigTests.Name)]
public sealed class GitLabPipelineTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    [Fact]
    public async Task The_pipeline_builds_deploys_dev_on_every_push_and_offers_pilot_and_stage_by_hand()
    {
        var jobs = await ListJobsAsync();

        Assert.Equal(["build", "dev", "pilot", "stage"], jobs.Select(j => j.GetProperty("name").GetString()));
        Assert.Equal(["build", "deploy", "deploy", "deploy"], jobs.Select(j => j.GetProperty("stage").GetString()));
        Assert.Equal(["on_success", "on_success", "manual", "manual"], jobs.Select(j => j.GetProperty("when").GetString()));
        Assert.Equal([false, false, true, true], jobs.Select(j => j.GetProperty("allow_failure").GetBoolean()));
        var pipeline = await PipelineYaml.PreviewAsync();
        foreach (var environment in new[] { "dev", "pilot", "stage" })
        {
            var job = pipeline.Job(environment);
            Assert.Equal(environment, job.Scalar("environment", "name"));
            Assert.Equal($"${environment.ToUpperInvariant()}_URL", job.Scalar("environment", "url"));
            Assert.Equal(environment, job.Scalar("resource_group"));
            Assert.Equal("false", job.Scalar("interruptible"));
            Assert.Equal($"./build.sh --target=Deploy{char.ToUpperInvariant(environment[0])}{environment[1..]} --exclusive", Assert.Single(job.Sequence("script")));
        }

        Assert.Equal("true", pipeline.Job("build").Scalar("interruptible"));
        Assert.Equal("./build.sh --target=PushImage", Assert.Single(pipeline.Job("build").Sequence("script")));
        Assert.DoesNotContain("only:", pipeline.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("except:", pipeline.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_and_dev_deploy_the_commit_and_the_manual_pilot_job_deploys_the_same_tag()
    {
        // GitLab's CI_COMMIT_SHORT_SHA is the first 8 characters of the commit.
        var tag = (await ProcessRun.StartAsync("git", ["rev-parse", "HEAD"])).StandardOutput.Trim()[..8];
        var old = RigProbe.Tag("base");
        await fixture.ResetAsync("dev", old);
        await fixture.ResetAsync("pilot", old);
        using var variables = GitLabVariables.Write(fixture.Rig);

        var pipeline = await GitLabCiLocal.RunAsync("--variables-file", variables.Path, "build", "dev");
        var pilot = await GitLabCiLocal.RunAsync("--variables-file", variables.Path, "pilot");

        Assert.True(pipeline.ExitCode == 0, pipeline.Output);
        Assert.True(await probe.ServesAsync("dev", tag), await probe.PageAsync("dev"));
        // gitlab-ci-local renders GitLab's section markers as "<name>_started" and "<name> took N ms".
        Assert.Contains("cake_deploydev_started", pipeline.Output, StringComparison.Ordinal);
        Assert.Contains("cake_pushimage took", pipeline.Output, StringComparison.Ordinal);
        // The robot account's '$infosync' reached the jobs unexpanded (stored as GitLab's unexpanded variables are).
        Assert.Contains($"Logging into {fixture.Rig.HarborHost} as {fixture.Rig["HARBOR_USERNAME"]}", pipeline.Output, StringComparison.Ordinal);
        Assert.True(pilot.ExitCode == 0, pilot.Output);
        Assert.True(await probe.ServesAsync("pilot", tag), await probe.PageAsync("pilot"));
        Assert.DoesNotContain(fixture.Rig.HarborPassword, pipeline.Output + pilot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Rig.SshPassword, pipeline.Output + pilot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerunning_the_dev_job_of_an_earlier_pipeline_deploys_that_pipelines_tag_again()
    {
        await fixture.ResetAsync("dev", RigProbe.Tag("base"));
        using var repository = await PipelineRepository.CreateAsync();
        var earlier = await repository.CommitAsync("Earlier change");
        var later = await repository.CommitAsync("Later change");
        using var variables = GitLabVariables.Write(fixture.Rig);

        await repository.CheckoutAsync(earlier);
        var earlierPipeline = await repository.RunJobsAsync(variables, "build", "dev");
        await repository.CheckoutAsync(later);
        var laterPipeline = await repository.RunJobsAsync(variables, "build", "dev");
        var servedLater = await probe.PageAsync("dev");
        // GitLab's environment "Rollback" button re-runs the earlier pipeline's deploy job, on the earlier commit.
        await repository.CheckoutAsync(earlier);
        var rerun = await repository.RunJobsAsync(variables, "dev");

        Assert.True(earlierPipeline.ExitCode == 0, earlierPipeline.Output);
        Assert.True(laterPipeline.ExitCode == 0, laterPipeline.Output);
        Assert.Contains($"version: {later}<", servedLater, StringComparison.Ordinal);
        Assert.True(rerun.ExitCode == 0, rerun.Output);
        Assert.DoesNotContain("cake_pushimage", rerun.Output, StringComparison.Ordinal);
        Assert.True(await probe.ServesAsync("dev", earlier), await probe.PageAsync("dev"));
        Assert.Contains($"image: {fixture.Rig.Repository}:{earlier}\n", File.ReadAllText(probe.ComposePath("dev")), StringComparison.Ordinal);
        var last = probe.History("dev")[^1];
        Assert.Contains($"\"from\":\"{fixture.Rig.Repository}:{later}@sha256:", last, StringComparison.Ordinal);
        Assert.Contains($"\"to\":\"{fixture.Rig.Repository}:{earlier}@sha256:", last, StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> ListJobsAsync()
    {
        var run = await GitLabCiLocal.RunAsync("--list-json");
        Assert.True(run.ExitCode == 0, run.Output);
        var json = run.StandardOutput[run.StandardOutput.IndexOf('[', StringComparison.Ordinal)..];
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
