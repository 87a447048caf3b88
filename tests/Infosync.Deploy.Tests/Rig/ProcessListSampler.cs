namespace Infosync.Deploy.Tests.Rig;

/// <summary>Samples every process's command line (the server's `ps -eo args`; the server is this machine) until stopped.</summary>
public sealed class ProcessListSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly HashSet<string> lines = [];
    private readonly Task sampling;

    private ProcessListSampler() => sampling = Task.Run(SampleAsync);

    public int Samples { get; private set; }

    public static ProcessListSampler Start() => new();

    public async Task<IReadOnlyCollection<string>> StopAsync()
    {
        await stop.CancelAsync();
        await sampling;
        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                try
                {
                    var arguments = await File.ReadAllTextAsync(Path.Combine(directory, "cmdline"));
                    lines.Add(arguments.Replace('\0', ' '));
                }
                catch (IOException)
                {
                    // The process ended while being read.
                }
                catch (UnauthorizedAccessException)
                {
                    // Not a process directory.
                }
            }

            Samples++;
            await Task.Delay(20, CancellationToken.None);
        }
    }
}
