using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Integration;

/// <summary>
/// Servers laid out as operators lay them out: an override file, COMPOSE_FILE, compose.yaml. The tool runs Compose as
/// the operator would in the directory, so every file Compose reads still counts after a deploy and a rollback.
/// </summary>
[Collection(RigTests.Name)]
public sealed class ComposeFilesTests(RigFixture fixture)
{
    private readonly RigProbe probe = new(fixture.Rig);

    [Theory]
    [InlineData(ComposeKind.V2)]
    [InlineData(ComposeKind.V1)]
    public async Task An_override_files_environment_and_port_are_kept_by_a_deploy_and_a_rollback(ComposeKind kind)
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("override"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old, kind);
        var project = new RigProject(fixture.Rig, "dev", kind);
        await project.ClearAsync();
        await project.WriteAsync("docker-compose.yml", $"services:\n  web:\n    image: {project.Image(old)}\n    restart: unless-stopped\n");
        await project.WriteAsync("docker-compose.override.yml",
            $"services:\n  web:\n    environment:\n      FROM_OVERRIDE: \"kept\"\n    ports:\n      - \"127.0.0.1:{project.WebPort}:8080\"\n");
        await project.UpAsync();
        var overrideBytes = await File.ReadAllBytesAsync(Path.Combine(project.Directory, "docker-compose.override.yml"));
        var variables = fixture.Rig.DeployVariables(kind);

        var deploy = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={tag}");
        var afterDeploy = await project.WebEnvironmentAsync(await probe.ContainerIdAsync("dev", "web"), "FROM_OVERRIDE");
        var servedAfterDeploy = await probe.ServesAsync("dev", tag);
        var rollback = await BuildScript.RunAsync(variables, "--target=RollbackDev");

        Assert.True(deploy.ExitCode == 0, deploy.Output);
        Assert.True(servedAfterDeploy);
        Assert.Equal("kept", afterDeploy);
        Assert.True(rollback.ExitCode == 0, rollback.Output);
        Assert.True(await probe.ServesAsync("dev", old), await probe.PageAsync("dev"));
        Assert.Equal("kept", await project.WebEnvironmentAsync(await probe.ContainerIdAsync("dev", "web"), "FROM_OVERRIDE"));
        Assert.Equal(overrideBytes, await File.ReadAllBytesAsync(Path.Combine(project.Directory, "docker-compose.override.yml")));
        Assert.DoesNotContain("--file", deploy.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_file_in_env_names_the_files_and_the_one_setting_the_image_is_the_one_edited()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("compose-file"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old);
        var project = new RigProject(fixture.Rig, "dev", ComposeKind.V2);
        await project.ClearAsync();
        var a = $"services:\n  web:\n    image: {project.Image("not-this-one")}\n    ports:\n      - \"127.0.0.1:{project.WebPort}:8080\"\n";
        await project.WriteAsync("a.yml", a);
        await project.WriteAsync("b.yml", $"services:\n  web:\n    image: {project.Image(old)}  # set here\n");
        await project.WriteAsync(".env", "COMPOSE_FILE=a.yml:b.yml\n");
        await project.UpAsync();

        var run = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(await probe.ServesAsync("dev", tag), await probe.PageAsync("dev"));
        Assert.Equal(a, await File.ReadAllTextAsync(Path.Combine(project.Directory, "a.yml")));
        Assert.Equal($"services:\n  web:\n    image: {project.Image(tag)}  # set here\n", await File.ReadAllTextAsync(Path.Combine(project.Directory, "b.yml")));
        Assert.Contains("+++ /usr/local/infosync-dev/b.yml", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compose_yaml_as_the_only_file_is_deployed()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("compose-yaml"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old);
        var project = new RigProject(fixture.Rig, "dev", ComposeKind.V2);
        await project.ClearAsync();
        await project.WriteAsync("compose.yaml", $"services:\n  web:\n    image: {project.Image(old)}\n    ports: [\"127.0.0.1:{project.WebPort}:8080\"]\n");
        await project.UpAsync();

        var run = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployDev", "--exclusive", $"--image-tag={tag}");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(await probe.ServesAsync("dev", tag), await probe.PageAsync("dev"));
        Assert.Contains(project.Image(tag), await File.ReadAllTextAsync(Path.Combine(project.Directory, "compose.yaml")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(project.Directory, "docker-compose.yml")));
    }

    [Theory]
    [InlineData("COMPOSE_PROJECT_NAME=infosync-custom\n", "", "infosync-custom")]
    [InlineData("", "name: infosync-named\n", "infosync-named")]
    public async Task A_project_named_by_env_or_by_name_is_found_and_deployed(string env, string nameLine, string project)
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("named-project"));
        await fixture.PublishAsync(tag);
        await fixture.ResetAsync("dev", old);
        var layout = new RigProject(fixture.Rig, "dev", ComposeKind.V2);
        await layout.ClearAsync();
        await layout.WriteAsync("docker-compose.yml", $"{nameLine}services:\n  web:\n    image: {layout.Image(old)}\n    ports: [\"127.0.0.1:{layout.WebPort}:8080\"]\n");
        await layout.WriteAsync(".env", env);
        await layout.UpAsync();

        var run = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployDev", "--exclusive", $"--image-tag={tag}");
        var status = await BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=StatusDev");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(await probe.ServesAsync("dev", tag), await probe.PageAsync("dev"));
        var names = (await ProcessRun.StartAsync("docker", ["ps", "--format", "{{.Names}}", "--filter", $"label=com.docker.compose.project={project}"])).StandardOutput.Trim();
        Assert.Equal($"{project}-web-1", names);
        Assert.Contains($"project {project}", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deploy_dir_written_with_double_and_dot_parts_deploys_the_same_project()
    {
        var (old, first, second) = (RigProbe.Tag("base"), RigProbe.Tag("norm-1"), RigProbe.Tag("norm-2"));
        await fixture.PublishAsync(first);
        await fixture.PublishAsync(second);
        await fixture.ResetAsync("dev", old);
        var variables = fixture.Rig.DeployVariables();

        variables["DEV_DEPLOY_DIR"] = "/usr/local//infosync-dev";
        var doubled = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={first}");
        variables["DEV_DEPLOY_DIR"] = "/usr/local/./infosync-dev/";
        var dotted = await BuildScript.RunAsync(variables, "--target=DeployDev", "--exclusive", $"--image-tag={second}");

        Assert.True(doubled.ExitCode == 0, doubled.Output);
        Assert.True(dotted.ExitCode == 0, dotted.Output);
        Assert.True(await probe.ServesAsync("dev", second), await probe.PageAsync("dev"));
        Assert.Single((await probe.ContainerIdAsync("dev", "web")).Split('\n'));
    }
}
