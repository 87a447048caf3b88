using System.Diagnostics;
using System.Runtime.InteropServices;
using Infosync.Bench.Prober;

// Probes a URL every 20 ms, each probe on a fresh TCP connection, until SIGTERM; prints "ready" after the first
// good answer and one summary line at the end. Probes run concurrently so that a slow one never delays the next.
// With options (see ProberOptions), at --rate probes a second, with --slow requests kept in flight, and a second
// summary line: the fast and slow counts and which version answered when.
if (ProberOptions.Parse(args) is not { } options)
{
    await Console.Error.WriteLineAsync(ProberOptions.Usage);
    return 2;
}

var interval = options.Traffic ? options.Interval : TimeSpan.FromMilliseconds(20);
using var stop = new CancellationTokenSource();
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    stop.Cancel();
});

var probe = new HttpProbe(options.Url, options.Expected, TimeSpan.FromSeconds(1));
var log = new ProbeLog(interval);
var traffic = new TrafficLog();
var clock = Stopwatch.StartNew();
var slow = options.SlowUrl is { } slowUrl
    ? SlowRequests.RunAsync(new HttpProbe(slowUrl, options.SlowExpected, TimeSpan.FromSeconds(40), options.SlowPost), options.SlowCount,
        clock, traffic, stop.Token)
    : Task.CompletedTask;
await PacedLoop.RunAsync(interval, clock, Probe, stop.Token);
await slow;
Console.WriteLine(log.Summary());
if (options.Traffic)
{
    Console.WriteLine(traffic.Summary());
}

return 0;

async Task Probe(TimeSpan started)
{
    var answer = await probe.AnswerAsync();
    if (options.Traffic)
    {
        traffic.AddFast(started, answer);
    }

    if (log.Add(started, answer is not null))
    {
        Console.WriteLine("ready");
    }
}
