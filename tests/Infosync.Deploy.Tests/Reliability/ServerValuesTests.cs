using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Reliability;

/// <summary>
/// Values in the server's files are never shown: canaries in .env beside the tag and under environment: beside the
/// image must be absent from the output of plans, deploys, failures, rollbacks and status, at every verbosity, even
/// when the failing app prints its whole environment to its log.
/// </summary>
[Collection(RigTests.Name)]
public sealed class ServerValuesTests(RigFixture fixture)
{
    private const string EnvCanary = "canary-dotenv-5f1e";
    private const string EnvNeighbour = "canary-other-77ab";
    private const string ComposeCanary = "canary-environment-c0de";
    private readonly RigProbe probe = new(fixture.Rig);

    public static TheoryData<string> Verbosities() => ["quiet", "minimal", "normal", "verbose", "diagnostic"];

    [Theory]
    [MemberData(nameof(Verbosities))]
    public async Task A_deploy_and_its_plan_show_the_tag_change_but_no_value_of_the_servers_files(string verbosity)
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("values-" + verbosity));
        await fixture.PublishAsync(tag);
        var project = await LayOutAsync(old);
        var variables = fixture.Rig.DeployVariables();

        var plan = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}", "--dry-run", $"--verbosity={verbosity}");
        var deploy = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}", $"--verbosity={verbosity}");
        var status = await BuildScript.RunAsync(variables, "--target=StatusDev", $"--verbosity={verbosity}");

        Assert.True(plan.ExitCode == 0, plan.Output);
        Assert.True(deploy.ExitCode == 0, deploy.Output);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.True(await probe.ServesAsync("dev", tag));
        Assert.Equal(ComposeCanary, await project.WebEnvironmentAsync(await probe.ContainerIdAsync("dev", "web"), "DB_PASSWORD"));
        if (verbosity is "normal" or "verbose" or "diagnostic")
        {
            Assert.Contains($"+TAG={tag}", plan.Output, StringComparison.Ordinal);
            Assert.Contains("DB_PASSWORD=***", plan.Output, StringComparison.Ordinal);
        }

        AssertNoCanary(plan.Output, deploy.Output, status.Output);
    }

    [Fact]
    public async Task A_failed_deploy_of_an_app_that_prints_its_environment_and_the_rollback_show_no_value()
    {
        var (old, broken) = (RigProbe.Tag("base"), RigProbe.Tag("prints-env"));
        await VariantImages.PublishOnceAsync(fixture.Rig, broken, VariantImages.PrintsEnvironmentAndExits);
        await LayOutAsync(old);
        var variables = fixture.Rig.DeployVariables();
        variables["HEALTH_TIMEOUT"] = "20";

        var failed = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={broken}", "--verbosity=diagnostic");
        var rollback = await BuildScript.RunAsync(variables, "--target=RollbackDev", $"--image-tag={old}", "--verbosity=diagnostic");

        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("last log lines of", failed.Output, StringComparison.Ordinal);
        Assert.Contains("DB_PASSWORD=[REDACTED]", failed.Output, StringComparison.Ordinal);
        Assert.True(rollback.ExitCode == 0, rollback.Output);
        Assert.True(await probe.ServesAsync("dev", old));
        AssertNoCanary(failed.Output, rollback.Output);
    }

    private async Task<RigProject> LayOutAsync(string tag)
    {
        await fixture.ResetAsync("dev", tag);
        var project = new RigProject(fixture.Rig, "dev", ComposeKind.V2);
        await project.ClearAsync();
        await project.WriteAsync(".env", $"DB_PASSWORD={EnvCanary}\nTAG={tag}\nOTHER={EnvNeighbour}\n");
        await project.WriteAsync("docker-compose.yml",
            $"services:\n  web:\n    environment:\n      DB_PASSWORD: {ComposeCanary}\n    image: {fixture.Rig.Repository}:${{TAG}}\n" +
            $"    ports:\n      - \"127.0.0.1:{project.WebPort}:8080\"\n");
        await project.UpAsync();
        return project;
    }

    private static void AssertNoCanary(params string[] outputs)
    {
        foreach (var output in outputs)
        {
            Assert.DoesNotContain(EnvCanary, output, StringComparison.Ordinal);
            Assert.DoesNotContain(EnvNeighbour, output, StringComparison.Ordinal);
            Assert.DoesNotContain(ComposeCanary, output, StringComparison.Ordinal);
        }
    }
}
