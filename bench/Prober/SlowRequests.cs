using System.Diagnostics;

namespace Infosync.Bench.Prober;

/// <summary>Keeps a number of slow requests in flight: each slot starts its next request as its last one ends.</summary>
internal static class SlowRequests
{
    // After a failure that came back at once (a refused connection), a slot waits a little instead of spinning.
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromMilliseconds(100);

    // Slots start a little apart, so that their requests start and end at different moments of a switch.
    private static readonly TimeSpan Stagger = TimeSpan.FromMilliseconds(200);

    public static Task RunAsync(HttpProbe probe, int slots, Stopwatch clock, TrafficLog log, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, slots).Select(slot => SlotAsync(probe, slot * Stagger, clock, log, stop)));

    private static async Task SlotAsync(HttpProbe probe, TimeSpan delay, Stopwatch clock, TrafficLog log, CancellationToken stop)
    {
        if (!await PauseAsync(delay, stop))
        {
            return;
        }

        // A request in flight when the prober is stopped runs to its end: it counts like the others.
        while (!stop.IsCancellationRequested)
        {
            var started = clock.Elapsed;
            var answer = await probe.AnswerAsync();
            log.AddSlow(started, answer);
            if (answer is null && !await PauseAsync(PauseAfterFailure, stop))
            {
                return;
            }
        }
    }

    private static async Task<bool> PauseAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
