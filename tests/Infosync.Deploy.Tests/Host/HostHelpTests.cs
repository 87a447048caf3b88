using Infosync.Deploy.Tests.Rig;
using Xunit;

namespace Infosync.Deploy.Tests.Host;

/// <summary>The host's --help, run as a user runs it: the built host in its own process.</summary>
public sealed class HostHelpTests
{
    private static Task<ProcessRun> HelpAsync() =>
        ProcessRun.StartAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "Build.dll"), "--help"], timeout: TimeSpan.FromMinutes(1));

    [Theory]
    [InlineData("--health-timeout", "default: 60")]
    [InlineData("--ssh-port", "default: 22")]
    [InlineData("--lock-stale-after", "default: 1800")]
    [InlineData("--harbor-project", "default: infosync")]
    public async Task Help_shows_a_setting_with_its_default(string argument, string shown)
    {
        var run = await HelpAsync();

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.StandardOutput.Split('\n'), l => l.StartsWith($"  {argument} ", StringComparison.Ordinal));
        Assert.EndsWith(shown, line.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_tasks_and_then_the_settings_within_100_columns()
    {
        var run = await HelpAsync();

        var output = run.StandardOutput;
        Assert.Equal(0, run.ExitCode);
        Assert.InRange(output.IndexOf("DeployStage", StringComparison.Ordinal), 0, output.IndexOf("\nSettings: ", StringComparison.Ordinal));
        Assert.Contains("DEV_HEALTH_TIMEOUT, PILOT_HEALTH_TIMEOUT or STAGE_HEALTH_TIMEOUT, then HEALTH_TIMEOUT", output, StringComparison.Ordinal);
        Assert.All(output.Split('\n'), line => Assert.True(line.Length <= 100, line));
    }
}
