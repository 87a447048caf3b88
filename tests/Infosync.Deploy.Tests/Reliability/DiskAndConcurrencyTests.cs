using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Reliability;

[Collection(RigTests.Name)]
public sealed class DiskAndConcurrencyTests(RigFixture fixture)
{
    private const string FullDirectory = "/tmp/infosync-full-disk";

    private readonly RigProbe probe = new(fixture.Rig);

    [Fact]
    public async Task A_full_disk_when_the_compose_file_is_written_leaves_it_whole_and_the_old_version_serving()
    {
        var (old, tag) = (RigProbe.Tag("base"), RigProbe.Tag("full-disk"));
        await fixture.PublishAsync(old);
        await fixture.PublishAsync(tag);
        Directory.CreateDirectory(FullDirectory);
        await Run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", FullDirectory);
        try
        {
            await HostileDirectory.CreateAsync(FullDirectory, $"{fixture.Rig.Repository}:{old}", recreateDirectory: false);
            await Run("docker-compose", "--file", Path.Combine(FullDirectory, "docker-compose.yml"), "up", "--detach");
            var before = await File.ReadAllBytesAsync(Path.Combine(FullDirectory, "docker-compose.yml"));
            await FillLeavingAsync(8 * 1024);
            var variables = fixture.Rig.DeployVariables();
            variables["STAGE_DEPLOY_DIR"] = FullDirectory;

            var run = await BuildScript.RunAsync(variables, "--target=DeployStage", "--exclusive", $"--image-tag={tag}");

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("Writing", run.StandardError, StringComparison.Ordinal);
            Assert.Equal(before, await File.ReadAllBytesAsync(Path.Combine(FullDirectory, "docker-compose.yml")));
            Assert.Contains($"version: {old}<", await HostileDirectory.PageAsync(), StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(FullDirectory, ".deploy", "lock")));
            Assert.Empty(Directory.GetFiles(FullDirectory, "*.tmp.*"));
        }
        finally
        {
            File.Delete(Path.Combine(FullDirectory, "filler"));
            await HostileDirectory.RemoveAsync(FullDirectory, removeDirectory: false);
            await Run("umount", FullDirectory);
            Directory.Delete(FullDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Ten_deploys_at_once_each_complete_or_name_the_holder_and_the_history_has_one_line_each()
    {
        var tags = Enumerable.Range(0, 10).Select(i => RigProbe.Tag($"ten-{i}")).ToList();
        foreach (var tag in tags)
        {
            await fixture.PublishAsync(tag);
        }

        await fixture.ResetAsync("pilot", RigProbe.Tag("base"));

        var runs = await Task.WhenAll(tags.Select(tag =>
            BuildScript.RunAsync(fixture.Rig.DeployVariables(), "--target=DeployPilot", "--exclusive", $"--image-tag={tag}")));

        var succeeded = tags.Where((_, i) => runs[i].ExitCode == 0).ToList();
        Assert.NotEmpty(succeeded);
        Assert.All(runs.Where(r => r.ExitCode != 0), r => Assert.Matches("pilot is locked by .*deploy of t", r.StandardError));
        var page = await probe.PageAsync("pilot");
        Assert.Contains(succeeded, tag => page.Contains($"version: {tag}<", StringComparison.Ordinal));
        Assert.Equal(10, probe.History("pilot").Length);
        Assert.Equal(succeeded.Count, probe.History("pilot").Count(l => l.Contains("\"result\":\"succeeded\"", StringComparison.Ordinal)));
        Assert.False(probe.LockExists("pilot"));
    }

    private static async Task FillLeavingAsync(int bytesFree)
    {
        var filler = Path.Combine(FullDirectory, "filler");
        await Run("sh", "-c", $"dd if=/dev/zero of={filler} bs=4096 2>/dev/null; truncate -s -{bytesFree} {filler}");
        await Run("chown", "-R", "deployer:deployer", FullDirectory);
    }

    private static async Task Run(string program, params string[] arguments)
    {
        var run = await ProcessRun.StartAsync(program, arguments);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)}: {run.Output}");
        }
    }
}
