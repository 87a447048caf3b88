using Infosync.Deploy.Deployment;
using Infosync.Deploy.Remote;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

/// <summary>The history's append script, run by a real /bin/sh in a scratch deploy directory.</summary>
public sealed class HistoryAppendTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("infosync-history-");
    private readonly LocalShellHost host = new();

    public void Dispose() => directory.Delete(recursive: true);

    private static HistoryEntry Entry(string to) =>
        new(DateTimeOffset.UtcNow, "dev", "deploy", "r/p/n:v0", $"r/p/n:{to}", DeployOutcome.Succeeded.Word(), 1, "me", null);

    [Fact]
    public async Task An_append_after_a_torn_last_line_starts_a_line_of_its_own()
    {
        var history = new DeployHistory(host, directory.FullName);
        await history.AppendAsync(Entry("v1"));
        await File.AppendAllTextAsync(Path.Combine(directory.FullName, ".deploy", "history.jsonl"), "{\"time\":\"2026-12-0");

        await history.AppendAsync(Entry("v2"));
        var entries = await history.ReadLastAsync(10);

        Assert.Equal(["r/p/n:v1", "r/p/n:v2"], entries.Select(e => e.To));
        Assert.Equal(3, (await File.ReadAllLinesAsync(Path.Combine(directory.FullName, ".deploy", "history.jsonl"))).Length);
    }

    [Fact]
    public async Task Entries_keep_both_image_ids()
    {
        var history = new DeployHistory(host, directory.FullName);

        await history.AppendAsync(Entry("v1") with { FromImage = "sha256:aaa", ToImage = "sha256:bbb" });

        var entry = Assert.Single(await history.ReadLastAsync(10));
        Assert.Equal(("sha256:aaa", "sha256:bbb"), (entry.FromImage, entry.ToImage));
    }
}
