using System.Text;
using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Reliability;

/// <summary>Compose files that try to make the deploy touch something else, or exhaust it.</summary>
[Collection(RigTests.Name)]
public sealed class HostileComposeTests(RigFixture fixture)
{
    private const string Directory = "/tmp/infosync-hostile-compose";

    [Fact]
    public async Task A_compose_file_that_is_a_symlink_out_of_the_deploy_dir_is_refused_and_its_target_untouched()
    {
        var outside = "/tmp/infosync-outside-target.yml";
        await File.WriteAllTextAsync(outside, $"services:\n  web:\n    image: {fixture.Rig.Repository}:{RigProbe.Tag("base")}\n");
        await HostileDirectory.CreateAsync(Directory, fixture.Rig.Repository + ":" + RigProbe.Tag("base"));
        File.Delete(Path.Combine(Directory, "docker-compose.yml"));
        File.CreateSymbolicLink(Path.Combine(Directory, "docker-compose.yml"), outside);
        var before = await File.ReadAllBytesAsync(outside);
        var modified = File.GetLastWriteTimeUtc(outside);

        var run = await DeployAsync(RigProbe.Tag("symlink"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("is a symbolic link", run.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(outside));
        Assert.Equal(modified, File.GetLastWriteTimeUtc(outside));
        File.Delete(Path.Combine(Directory, "docker-compose.yml"));
        await HostileDirectory.RemoveAsync(Directory);
    }

    [Fact]
    public async Task A_fifty_megabyte_compose_file_is_refused_before_it_is_read()
    {
        await HostileDirectory.CreateAsync(Directory, fixture.Rig.Repository + ":" + RigProbe.Tag("base"));
        var path = Path.Combine(Directory, "docker-compose.yml");
        await using (var file = File.AppendText(path))
        {
            var comment = "# " + new string('x', 1022) + "\n";
            for (var i = 0; i < 50 * 1024; i++)
            {
                await file.WriteAsync(comment);
            }
        }

        var length = new FileInfo(path).Length;
        var run = await DeployAsync(RigProbe.Tag("huge"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("more than the 1048576 allowed", run.StandardError, StringComparison.Ordinal);
        Assert.Equal(length, new FileInfo(path).Length);
        await HostileDirectory.RemoveAsync(Directory);
    }

    [Fact]
    public async Task A_yaml_alias_bomb_is_refused_without_being_expanded()
    {
        var old = RigProbe.Tag("base");
        await fixture.PublishAsync(old);
        await HostileDirectory.CreateAsync(Directory, fixture.Rig.Repository + ":" + old);
        var path = Path.Combine(Directory, "docker-compose.yml");
        var original = await File.ReadAllTextAsync(path);
        var bomb = new StringBuilder("x-lol0: &lol0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            bomb.Append(System.Globalization.CultureInfo.InvariantCulture, $"x-lol{i}: &lol{i} [{string.Join(", ", Enumerable.Repeat($"*lol{i - 1}", 9))}]\n");
        }

        await File.WriteAllTextAsync(path, bomb + original);

        var run = await DeployAsync(RigProbe.Tag("bomb"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("alias bomb", run.StandardError, StringComparison.Ordinal);
        Assert.Equal(bomb + original, await File.ReadAllTextAsync(path));
        await File.WriteAllTextAsync(path, original);
        await HostileDirectory.RemoveAsync(Directory);
    }

    private Task<ProcessRun> DeployAsync(string tag)
    {
        var variables = fixture.Rig.DeployVariables();
        variables["STAGE_DEPLOY_DIR"] = Directory;
        return BuildScript.RunAsync(variables, "--target=DeployStage", "--exclusive", $"--image-tag={tag}");
    }
}
