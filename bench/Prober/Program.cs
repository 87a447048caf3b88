using System.Diagnostics;
using System.Runtime.InteropServices;
using Infosync.Bench.Prober;

// Probes a URL every 20 ms, each probe on a fresh TCP connection, until SIGTERM; prints "ready" after the first
// good answer and one summary line at the end. Probes run concurrently so that a slow one never delays the next.
if (args.Length != 2 || !Uri.TryCreate(args[0], UriKind.Absolute, out var url))
{
    await Console.Error.WriteLineAsync("usage: Prober <http://host:port/path> <text a good page contains>");
    return 2;
}

var interval = TimeSpan.FromMilliseconds(20);
using var stop = new CancellationTokenSource();
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    stop.Cancel();
});

var probe = new HttpProbe(url, args[1], TimeSpan.FromSeconds(1));
var log = new ProbeLog(interval);
var clock = Stopwatch.StartNew();
var inFlight = new List<Task>();
var next = TimeSpan.Zero;
while (!stop.IsCancellationRequested)
{
    inFlight.Add(Probe(clock.Elapsed));
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
            await Task.Delay(wait, stop.Token);
        }
        catch (OperationCanceledException)
        {
            break;
        }
    }
}

await Task.WhenAll(inFlight);
Console.WriteLine(log.Summary());
return 0;

async Task Probe(TimeSpan started)
{
    var ok = await probe.OkAsync();
    if (log.Add(started, ok))
    {
        Console.WriteLine("ready");
    }
}
