using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Bench;

/// <summary>The benchmark report is checked with the suite: report.sh against figures worked out by hand, and BENCHMARKS.md against its own raw data.</summary>
public sealed class BenchReportTests
{
    [Fact]
    public async Task The_report_fills_the_template_from_the_samples_and_BENCHMARKS_md_is_what_its_own_samples_make()
    {
        var run = await ProcessRun.StartAsync("bash", ["bench/report-test.sh"], timeout: TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("report-test: ok", run.StandardOutput, StringComparison.Ordinal);
    }
}
