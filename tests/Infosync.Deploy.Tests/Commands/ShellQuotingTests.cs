using System.Diagnostics;
using Infosync.Deploy.Commands;
using Xunit;

namespace Infosync.Deploy.Tests.Commands;

public sealed class ShellQuotingTests
{
    public static TheoryData<string> HostileValues() =>
    [
        "plain",
        "with space",
        "it's",
        "\"double\"",
        "$HOME",
        "${HOME:-x}",
        "$(touch /tmp/infosync-quoting-pwned)",
        "`touch /tmp/infosync-quoting-pwned`",
        "a;touch /tmp/infosync-quoting-pwned",
        "a && b || c | d & e",
        "back\\slash",
        "new\nline",
        "tab\there",
        "*",
        "~",
        "-n",
        "''",
        "'\"'\"'",
        "ünïcödé ✓",
        string.Empty,
    ];

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void A_real_shell_reads_the_quoted_value_back_unchanged(string value)
    {
        var script = "printf '%s' " + ShellQuoting.Quote(value);

        var output = RunShell(script);

        Assert.Equal(value, output);
        Assert.False(File.Exists("/tmp/infosync-quoting-pwned"));
    }

    [Fact]
    public void A_whole_command_line_keeps_each_argument_one_word()
    {
        var command = CommandLine.For("printf").Add("%s|", "a b", "$(id)", "it's");

        var output = RunShell(command.ToShell());

        Assert.Equal("a b|$(id)|it's|", output);
    }

    [Fact]
    public void Nul_cannot_be_quoted()
    {
        Assert.Throws<ArgumentException>(() => ShellQuoting.Quote("a\0b"));
    }

    [Fact]
    public void Safe_words_stay_bare_for_readable_plans()
    {
        Assert.Equal("localhost:5443/infosync/infosync:v1", ShellQuoting.Quote("localhost:5443/infosync/infosync:v1"));
        Assert.Equal("'a b'", ShellQuoting.Quote("a b"));
    }

    private static string RunShell(string script)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
