using System.Diagnostics;
using System.Text;

namespace Infosync.Deploy.Tests.Rig;

/// <summary>A ./build.sh run in the background, whose output can be waited for and which can be sent signals.</summary>
public sealed class BackgroundBuild : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private BackgroundBuild(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public int ProcessId => process.Id;

    public static BackgroundBuild Start(IReadOnlyDictionary<string, string> variables, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(Rig.RepositoryRoot, "build.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Rig.RepositoryRoot,
        };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        return new BackgroundBuild(Process.Start(start)!);
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > timeout || process.HasExited)
            {
                throw new TimeoutException($"'{text}' did not appear. Output so far:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Sends a signal by number (15 TERM, 9 KILL); build.sh execs the host, so this pid is the host's.</summary>
    public async Task SignalAsync(int signal) => await ProcessRun.StartAsync("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
