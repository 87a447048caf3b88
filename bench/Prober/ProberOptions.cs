using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Infosync.Bench.Prober;

/// <summary>
/// The command line. Two arguments alone are the benchmark's mode, a probe every 20 ms; any option selects the
/// traffic mode, which also keeps slow requests in flight and follows which version answers.
/// </summary>
internal sealed record ProberOptions(Uri Url, string Expected, bool Traffic, double Rate, Uri? SlowUrl, int SlowCount,
    string SlowExpected, bool SlowPost = false)
{
    public const string Usage = "usage: Prober <http://host:port/path> <text a good page contains> "
        + "[--rate <probes per second>] [--slow <http://host:port/path> [--slow-count <K>] [--slow-text <text>] [--slow-method GET|POST]]";

    public TimeSpan Interval => TimeSpan.FromSeconds(1 / Rate);

    public static ProberOptions? Parse(IReadOnlyList<string> args)
    {
        if (args.Count < 2 || !TryUrl(args[0], out var url))
        {
            return null;
        }

        var options = new ProberOptions(url, args[1], args.Count > 2, 50, null, 1, "version: ");
        var slowSettings = false;
        for (var i = 2; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                return null;
            }

            var value = args[i + 1];
            slowSettings |= args[i] is "--slow-count" or "--slow-text" or "--slow-method";
            options = args[i] switch
            {
                "--rate" when TryNumber(value, out var rate) && rate is > 0 and <= 1000 => options with { Rate = rate },
                "--slow" when TryUrl(value, out var slow) => options with { SlowUrl = slow },
                "--slow-count" when int.TryParse(value, CultureInfo.InvariantCulture, out var count) && count is > 0 and <= 100
                    => options with { SlowCount = count },
                "--slow-text" when value.Length > 0 => options with { SlowExpected = value },
                "--slow-method" when value is "GET" or "POST" => options with { SlowPost = value == "POST" },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }
        }

        // Slow-request settings without slow requests are a mistake in the command, not something to ignore.
        return slowSettings && options.SlowUrl is null ? null : options;
    }

    private static bool TryUrl(string text, [NotNullWhen(true)] out Uri? url) => Uri.TryCreate(text, UriKind.Absolute, out url);

    private static bool TryNumber(string text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
}
