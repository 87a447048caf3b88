using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Infosync.Deploy.Tests.Rig;

/// <summary>
/// Traffic through an environment's web port while a test deploys: a GET every 20 ms, each on a new connection, and
/// three slow POSTs (<c>/cgi-bin/slow</c>, 2 s each) always in flight; which version answered when, and every failure
/// with its time. The slow requests are POSTs because the proxy retries a GET cut off mid-answer on another container,
/// which would hide a container stopped without draining; a cut POST is not retried and fails.
/// </summary>
public sealed partial class TrafficProbe : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<Answer> answers = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly HttpClient client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Uri root;
    private readonly List<Task> loops = [];

    private TrafficProbe(int port) => root = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

    public IReadOnlyList<Answer> Answers => [.. answers];

    public IReadOnlyList<Answer> Failures => [.. answers.Where(answer => answer.Version is null)];

    /// <summary>Starts the traffic once the first fast request has been answered.</summary>
    public static async Task<TrafficProbe> StartAsync(int port)
    {
        var probe = new TrafficProbe(port);
        probe.loops.Add(probe.FastAsync());
        probe.loops.AddRange(Enumerable.Range(0, 3).Select(_ => probe.SlowAsync()));
        for (var waited = 0; waited < 100 && probe.answers.IsEmpty; waited++)
        {
            await Task.Delay(50);
        }

        return probe;
    }

    /// <summary>The first and last time <paramref name="version"/> answered, or null when it never did.</summary>
    public (TimeSpan First, TimeSpan Last)? Seen(string version)
    {
        var times = answers.Where(answer => answer.Version == version).Select(answer => answer.At).ToList();
        return times.Count == 0 ? null : (times.Min(), times.Max());
    }

    /// <summary>Every failure on one line each, for assertion messages.</summary>
    public string Describe() =>
        $"{answers.Count} answers, {Failures.Count} failed: " + string.Join("; ", Failures.Take(10).Select(f => $"{f.At.TotalSeconds:0.00}s {(f.Slow ? "slow " : "")}{f.Failure}"));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        client.Dispose();
        stop.Dispose();
    }

    private async Task FastAsync()
    {
        var inFlight = new List<Task>();
        while (!stop.IsCancellationRequested)
        {
            inFlight.Add(SendAsync(HttpMethod.Get, root, slow: false));
            await Task.Delay(20, CancellationToken.None);
        }

        await Task.WhenAll(inFlight);
    }

    private async Task SlowAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            await SendAsync(HttpMethod.Post, new Uri(root, "cgi-bin/slow"), slow: true);
        }
    }

    private async Task SendAsync(HttpMethod method, Uri url, bool slow)
    {
        var at = clock.Elapsed;
        try
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.ConnectionClose = true;
            if (method == HttpMethod.Post)
            {
                request.Content = new StringContent("order=1");
            }

            using var response = await client.SendAsync(request, CancellationToken.None);
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            var version = Version().Match(body);
            answers.Enqueue(response.IsSuccessStatusCode && version.Success
                ? new Answer(at, version.Groups[1].Value, null, slow)
                : new Answer(at, null, $"HTTP {(int)response.StatusCode}", slow));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            answers.Enqueue(new Answer(at, null, exception.GetType().Name + ": " + exception.Message, slow));
        }
    }

    [GeneratedRegex(@"version: ([^<\s]+)")]
    private static partial Regex Version();

    public sealed record Answer(TimeSpan At, string? Version, string? Failure, bool Slow);
}
