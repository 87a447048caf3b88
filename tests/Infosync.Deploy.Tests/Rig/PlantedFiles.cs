using System.Diagnostics;
using Infosync.Deploy.Deployment;

namespace Infosync.Deploy.Tests.Rig;

/// <summary>
/// Files of a deploy directory's <c>.deploy/</c> written by hand, as another machine's deploy, an older or newer
/// version of the tool, or a hostile server would leave them; owned by the server's user, as the tool's own are.
/// </summary>
public static class PlantedFiles
{
    /// <summary>The pid of a process that has ended, with <paramref name="marker"/> in its command line while it ran.</summary>
    public static async Task<string> EndedProcessIdAsync(string marker)
    {
        var start = new ProcessStartInfo("sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(":");
        start.ArgumentList.Add(marker);
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Writes <c>.deploy/lock</c> with <paramref name="keeperLine"/> verbatim and the holder's JSON; returns the lock's path.</summary>
    public static async Task<string> LockAsync(Rig rig, string environment, string keeperLine, LockHolder holder)
    {
        var directory = Path.Combine(rig.DeployDirectory(environment), ".deploy", "lock");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "keeper"), keeperLine);
        await File.WriteAllTextAsync(Path.Combine(directory, "holder.json"), holder.ToJson() + "\n");
        await OwnAsync(rig, environment);
        return directory;
    }

    /// <summary>Appends <paramref name="lines"/> to <c>.deploy/history.jsonl</c> as they are, each ended by a newline.</summary>
    public static async Task HistoryAsync(Rig rig, string environment, params string[] lines)
    {
        var deploy = Directory.CreateDirectory(Path.Combine(rig.DeployDirectory(environment), ".deploy"));
        await File.AppendAllTextAsync(Path.Combine(deploy.FullName, "history.jsonl"), string.Concat(lines.Select(l => l + "\n")));
        await OwnAsync(rig, environment);
    }

    /// <summary>Makes <c>.deploy/.takeover</c> a directory, which the takeover's <c>exec 9&gt;</c> cannot open.</summary>
    public static async Task<string> UnopenableTakeoverAsync(Rig rig, string environment)
    {
        var path = Path.Combine(rig.DeployDirectory(environment), ".deploy", ".takeover");
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        Directory.CreateDirectory(path);
        await OwnAsync(rig, environment);
        return path;
    }

    private static async Task OwnAsync(Rig rig, string environment)
    {
        var user = rig.SshUser(ComposeKind.V2);
        var run = await ProcessRun.StartAsync("chown", ["-R", $"{user}:{user}", Path.Combine(rig.DeployDirectory(environment), ".deploy")]);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("chown failed: " + run.Output);
        }
    }
}
