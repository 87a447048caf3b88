using System.Diagnostics;

namespace Infosync.Bench.Prober;

/// <summary>
/// Starts an action every interval until stopped, without awaiting it, so that a slow one never delays the next;
/// then awaits all of them. Each action is given the time it started.
/// </summary>
internal static class PacedLoop
{
    public static async Task RunAsync(TimeSpan interval, Stopwatch clock, Func<TimeSpan, Task> action, CancellationToken stop)
    {
        var inFlight = new List<Task>();
        var next = clock.Elapsed;
        while (!stop.IsCancellationRequested)
        {
            inFlight.Add(action(clock.Elapsed));
            next += interval;
            var wait = next - clock.Elapsed;
            if (wait < -interval)
            {
                // Fell behind (a stalled machine): do not fire a burst to catch up; the achieved rate shows the stall.
                next = clock.Elapsed;
            }
            else if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        await Task.WhenAll(inFlight);
    }
}
