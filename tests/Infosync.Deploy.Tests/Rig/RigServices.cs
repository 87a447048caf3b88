namespace Infosync.Deploy.Tests.Rig;

/// <summary>Stops, freezes and restarts the rig's daemons, for fault tests; <see cref="RestoreAsync"/> brings all back.</summary>
public static class RigServices
{
    /// <summary>Freezes the registry, so transfers hang, then kills it after <paramref name="hang"/>.</summary>
    public static async Task HangThenKillRegistryAsync(Rig rig, TimeSpan hang)
    {
        var pid = File.ReadAllText(Path.Combine(rig["RIG_DIR"], "registry", "registry.pid")).Trim();
        await SignalAsync(pid, "STOP");
        await Task.Delay(hang);
        await SignalAsync(pid, "KILL");
    }

    /// <summary>Freezes the registry for <paramref name="pause"/>, so that a transfer under way waits, then lets it go on.</summary>
    public static async Task PauseRegistryAsync(Rig rig, TimeSpan pause, Func<Task> meanwhile)
    {
        var pid = File.ReadAllText(Path.Combine(rig["RIG_DIR"], "registry", "registry.pid")).Trim();
        await SignalAsync(pid, "STOP");
        try
        {
            await meanwhile();
            await Task.Delay(pause);
        }
        finally
        {
            await SignalAsync(pid, "CONT");
        }
    }

    public static async Task StopDockerAsync(Rig rig)
    {
        await SignalAsync(File.ReadAllText(Path.Combine(rig["RIG_DIR"], "dockerd.pid")).Trim(), "TERM");
        for (var i = 0; i < 150 && (await ProcessRun.StartAsync("docker", ["info"])).ExitCode == 0; i++)
        {
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Runs the rig's idempotent up.sh, which restarts whatever is not running; a second try covers an engine that
    /// was slow to answer on a loaded machine.
    /// </summary>
    public static async Task RestoreAsync()
    {
        var output = string.Empty;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var run = await ProcessRun.StartAsync(Path.Combine(Rig.RepositoryRoot, "tests", "rig", "up.sh"), [], timeout: TimeSpan.FromMinutes(5));
            if (run.ExitCode == 0)
            {
                return;
            }

            output = run.Output;
            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        throw new InvalidOperationException("tests/rig/up.sh failed: " + output);
    }

    private static async Task SignalAsync(string pid, string signal)
    {
        var run = await ProcessRun.StartAsync("kill", [$"-{signal}", pid]);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {pid}: {run.Output}");
        }
    }
}
