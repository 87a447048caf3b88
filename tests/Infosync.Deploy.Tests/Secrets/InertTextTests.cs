using Infosync.Deploy.Secrets;
using Xunit;

namespace Infosync.Deploy.Tests.Secrets;

public sealed class InertTextTests
{
    [Theory]
    [InlineData("plain text\nwith\ttabs", "plain text\nwith\ttabs")]
    [InlineData("\u001b[31mred\u001b[0m", "red")]
    [InlineData("\u001b[2J\u001b[Hcleared", "cleared")]
    [InlineData("\u001b]0;evil title\u0007after", "after")]
    [InlineData("\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\", "link")]
    [InlineData("carriage\rreturn", "carriagereturn")]
    [InlineData("bell\u0007 and nul\u0000 and del\u007f and c1\u009b", "bell and nul and del and c1")]
    [InlineData("lone escape at end\u001b", "lone escape at end")]
    public void Escapes_and_control_characters_are_removed(string text, string inert) => Assert.Equal(inert, InertText.Of(text));

    [Fact]
    public void One_line_fields_cannot_start_a_new_log_line()
    {
        Assert.Equal("alice  Error: forged", InertText.OneLine("alice\n\u001b[1A Error: forged"));
    }
}
