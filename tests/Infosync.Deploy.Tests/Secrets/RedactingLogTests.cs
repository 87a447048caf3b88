using Cake.Core.Diagnostics;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Tests.Fakes;
using Xunit;

namespace Infosync.Deploy.Tests.Secrets;

public sealed class RedactingLogTests
{
    [Fact]
    public void Secrets_learned_at_any_time_never_reach_the_inner_log_in_format_or_arguments()
    {
        var inner = new RecordingLog();
        var redactor = new Redactor([new Secret("pw-from-settings")]);
        var log = new RedactingLog(inner, redactor);

        redactor.Learn(["value-from-env"]);
        log.Write(Verbosity.Normal, LogLevel.Error, "Error: pw-from-settings {0} {1}", "x value-from-env y", new InvalidOperationException("value-from-env"));

        var line = Assert.Single(inner.Lines);
        Assert.DoesNotContain("pw-from-settings", line, StringComparison.Ordinal);
        Assert.DoesNotContain("value-from-env", line, StringComparison.Ordinal);
        Assert.Contains(Secret.Redacted, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_keep_their_format_and_text_is_made_inert()
    {
        var inner = new RecordingLog();
        var log = new RedactingLog(inner, new Redactor());

        log.Write(Verbosity.Normal, LogLevel.Information, "{0:0.0} s {1}", 12.345, "\u001b[31mred\u001b[0m");

        Assert.Equal("12.3 s red", Assert.Single(inner.Lines));
    }

    [Fact]
    public void Lines_above_the_verbosity_are_dropped()
    {
        var inner = new RecordingLog { Verbosity = Verbosity.Normal };
        var log = new RedactingLog(inner, new Redactor());

        log.Write(Verbosity.Diagnostic, LogLevel.Debug, "{0}", "noise");

        Assert.Empty(inner.Lines);
    }
}
