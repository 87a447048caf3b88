namespace Infosync.Deploy.Tests.Rig;

/// <summary>Stops, freezes and restarts the rig's daemons, for fault tests; <see cref="RestoreAsync"/> brings all back.</summary>
public static class RigServices
{
    /// <summary>Freezes the registry, so transfers hang, then kills it after <paramref name="hang"/>.</summary>
    public static async Task HangThenKillRegistryAsync(Rig rig, TimeSpan hang)
    {
        var pid = await RegistryPidAsync(rig);
        await SignalAsync(pid, "STOP");
        await Task.Delay(hang);
        await SignalAsync(pid, "KILL");
    }

    /// <summary>Freezes the registry for <paramref name="pause"/>, so that a transfer under way waits, then lets it go on.</summary>
    public static async Task PauseRegistryAsync(Rig rig, TimeSpan pause, Func<Task> meanwhile)
    {
        var pid = await RegistryPidAsync(rig);
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

    // The pid file up.sh wrote, or, when another up.sh found the registry already answering, the running registry's pid.
    private static async Task<string> RegistryPidAsync(Rig rig)
    {
        var file = Path.Combine(rig["RIG_DIR"], "registry", "registry.pid");
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } pid && Directory.Exists($"/proc/{pid}"))
        {
            return pid;
        }

        var found = await ProcessRun.StartAsync("pgrep", ["-x", "docker-registry"]);
        return found.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
            ?? throw new InvalidOperationException("The rig's registry is not running.");
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
