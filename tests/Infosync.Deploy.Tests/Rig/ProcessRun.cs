using System.Diagnostics;
using System.Text;

namespace Infosync.Deploy.Tests.Rig;

/// <summary>A finished process: exit code and what it printed.</summary>
public sealed record ProcessRun(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + StandardError;

    /// <summary>
    /// Runs <paramref name="program"/> with exactly <paramref name="environment"/> plus PATH and HOME, in
    /// <paramref name="workingDirectory"/> (the repository's root unless given).
    /// </summary>
    public static async Task<ProcessRun> StartAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Rig.RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME", "DOTNET_ROOT", "DOTNET_CLI_HOME", "NUGET_PACKAGES" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var error = new StringBuilder();
        var reading = Task.WhenAll(
            process.StandardOutput.ReadToEndAsync().ContinueWith(t => output.Append(t.Result), TaskScheduler.Default),
            process.StandardError.ReadToEndAsync().ContinueWith(t => error.Append(t.Result), TaskScheduler.Default));
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in time.");
        }

        await reading;
        return new ProcessRun(process.ExitCode, output.ToString(), error.ToString());
    }
}
