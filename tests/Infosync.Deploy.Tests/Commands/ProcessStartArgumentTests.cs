using System.Diagnostics;
using Infosync.Deploy.Local;
using Xunit;

namespace Infosync.Deploy.Tests.Commands;

public sealed class ProcessStartArgumentTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("with space")]
    [InlineData("quote\"inside")]
    [InlineData("trailing\\")]
    [InlineData("back\\\\\"slashes")]
    [InlineData("C:\\path with space\\")]
    [InlineData("")]
    public void Dotnet_process_start_splits_the_rendered_argument_back_into_the_value(string value)
    {
        var rendered = new ProcessStartArgument(value).Render();
        var start = new ProcessStartInfo("/usr/bin/printf", "%s " + rendered) { RedirectStandardOutput = true, UseShellExecute = false };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(value, output);
    }
}
