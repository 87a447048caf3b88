using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>
/// A server whose stack docker-compose (v1) started, deployed by Compose v2: one copy of the app at every moment,
/// no orphaned container; and where v2 would name the project differently, a refusal before anything changes.
/// </summary>
[Collection(RigTests.Name)]
public sealed class ComposeMigrationTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    [Fact]
    public async Task A_stack_started_by_v1_is_taken_over_by_v2_without_a_second_copy()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("to-v2"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old, ComposeKind.V1);
        await ProcessRun.StartAsync("chown", ["-R", $"{fixture.Rig.SshUser(ComposeKind.V2)}:deployers", fixture.Rig.DeployDirectory("dev")]);
        var sidecar = await probe.ContainerIdAsync("dev", "sidecar");
        var variables = fixture.Rig.DeployVariables(ComposeKind.V2);

        var deploy = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}");
        var webAfterDeploy = await AllContainersAsync("web");
        var rollback = await BuildScript.RunAsync(variables, "--target=RollbackDev");

        Assert.True(deploy.ExitCode == 0, deploy.Output);
        Assert.Equal(["infosync-dev-web-1"], webAfterDeploy);
        Assert.True(rollback.ExitCode == 0, rollback.Output);
        Assert.True(await probe.ServesAsync("dev", old), await probe.PageAsync("dev"));
        Assert.Equal(["infosync-dev-web-1"], await AllContainersAsync("web"));
        Assert.Equal(sidecar, await probe.ContainerIdAsync("dev", "sidecar"));
    }

    [Fact]
    public async Task A_v1_stack_whose_project_v2_would_name_differently_is_refused_before_any_change()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("renamed"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old, ComposeKind.V1);
        await ProcessRun.StartAsync("chown", ["-R", $"{fixture.Rig.SshUser(ComposeKind.V2)}:deployers", fixture.Rig.DeployDirectory("dev")]);
        var link = "/usr/local/infosync-dev-link";
        File.Delete(link);
        File.CreateSymbolicLink(link, fixture.Rig.DeployDirectory("dev"));
        try
        {
            var web = await probe.ContainerIdAsync("dev", "web");
            var before = probe.ComposeBytes("dev");
            var variables = fixture.Rig.DeployVariables(ComposeKind.V2);
            variables["DEV_DEPLOY_DIR"] = link;

            var run = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("belongs to Compose project 'infosync-dev'", run.StandardError, StringComparison.Ordinal);
            Assert.Contains("'infosync-dev-link'", run.StandardError, StringComparison.Ordinal);
            Assert.Contains("nothing was changed", run.StandardError, StringComparison.Ordinal);
            Assert.Equal(web, await probe.ContainerIdAsync("dev", "web"));
            Assert.Equal(before, probe.ComposeBytes("dev"));
            Assert.Empty(await ContainersOfProjectAsync("infosync-dev-link"));
        }
        finally
        {
            File.Delete(link);
        }
    }

    private async Task<IReadOnlyList<string>> AllContainersAsync(string service) =>
        await NamesAsync($"label=com.docker.compose.project.working_dir={fixture.Rig.DeployDirectory("dev")}", $"label=com.docker.compose.service={service}");

    private static Task<IReadOnlyList<string>> ContainersOfProjectAsync(string project) => NamesAsync($"label=com.docker.compose.project={project}");

    private static async Task<IReadOnlyList<string>> NamesAsync(params string[] filters)
    {
        var run = await ProcessRun.StartAsync("docker", ["ps", "-a", "--format", "{{.Names}}", .. filters.SelectMany(f => new[] { "--filter", f })]);
        return [.. run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
