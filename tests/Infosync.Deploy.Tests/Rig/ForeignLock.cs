using System.Diagnostics;
using Infosync.Deploy.Deployment;

namespace Infosync.Deploy.Tests.Rig;

/// <summary>A deploy lock held by a live process that is not this tool: what another person's deploy looks like.</summary>
public sealed class ForeignLock : IDisposable
{
    private readonly Process keeper;
    private readonly string directory;

    private ForeignLock(Process keeper, string directory)
    {
        this.keeper = keeper;
        this.directory = directory;
    }

    public static async Task<ForeignLock> TakeAsync(string deployDirectory, string who)
    {
        var marker = "infosync-deploy-lock-foreign" + Guid.NewGuid().ToString("N")[..8];
        var start = new ProcessStartInfo("sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("sleep 600");
        start.ArgumentList.Add(marker);
        var keeper = Process.Start(start)!;
        var directory = Path.Combine(deployDirectory, ".deploy", "lock");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "keeper"), $"{keeper.Id} {marker}\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "holder.json"),
            new LockHolder(who, "deploy", "v0", DateTimeOffset.UtcNow, null, "https://gitlab.example.com/jobs/42").ToJson() + "\n");
        await ProcessRun.StartAsync("chown", ["-R", "deployer:deployer", Path.Combine(deployDirectory, ".deploy")]);
        return new ForeignLock(keeper, directory);
    }

    public void Dispose()
    {
        keeper.Kill();
        keeper.Dispose();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
