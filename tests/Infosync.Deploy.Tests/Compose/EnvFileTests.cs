using Infosync.Deploy.Compose;
using Xunit;

namespace Infosync.Deploy.Tests.Compose;

public sealed class EnvFileTests
{
    [Theory]
    [InlineData("TAG=2.4.0\n", "2.4.0")]
    [InlineData("export TAG=2.4.0\n", "2.4.0")]
    [InlineData("  TAG = 2.4.0   # the release\n", "2.4.0")]
    [InlineData("TAG='2.4.0' # quoted\n", "2.4.0")]
    [InlineData("TAG=\"2.4.0\"\n", "2.4.0")]
    [InlineData("TAG=2.3.0\r\nTAG=2.4.0\r\n", "2.4.0")]
    [InlineData("TAG=#not-a-comment", "#not-a-comment")]
    [InlineData("BASE=2.4\nTAG=${BASE}.0\n", "2.4.0")]
    [InlineData("BASE=2.4\nTAG='${BASE}.0'\n", "${BASE}.0")]
    [InlineData("NOTE=\"line one\nTAG=2.3.0 inside the quotes\"\nTAG=2.4.0\n", "2.4.0")]
    [InlineData("\uFEFFTAG=2.4.0", "2.4.0")]
    [InlineData("# TAG=2.3.0\nTAG=", "")]
    public void Lookup_reads_the_last_assignment(string text, string expected)
    {
        Assert.Equal(expected, EnvFile.Read(text, ".env").Lookup("TAG"));
    }

    [Theory]
    [InlineData("TAG=2.4.0\n", "TAG=2.4.1\n", 1)]
    [InlineData("# release\nexport TAG='2.4.0' # current\n", "# release\nexport TAG='2.4.1' # current\n", 2)]
    [InlineData("TAG=\"2.4.0\"\r\nOTHER=1\r\n", "TAG=\"2.4.1\"\r\nOTHER=1\r\n", 1)]
    [InlineData("TAG=2.3.0\nTAG=2.4.0\nOTHER=x\n", "TAG=2.3.0\nTAG=2.4.1\nOTHER=x\n", 2)]
    [InlineData("TAG= # to be set\n", "TAG=2.4.1 # to be set\n", 1)]
    [InlineData("TAG=\"multi\nline\" # old\nX=1\n", "TAG=\"2.4.1\" # old\nX=1\n", 1)]
    [InlineData("OTHER=1\n", "OTHER=1\nTAG=2.4.1\n", 2)]
    [InlineData("OTHER=1\r\n", "OTHER=1\r\nTAG=2.4.1\r\n", 2)]
    [InlineData("OTHER=1", "OTHER=1\nTAG=2.4.1\n", 2)]
    [InlineData("", "TAG=2.4.1\n", 1)]
    public void With_replaces_only_the_value_or_appends(string text, string expected, int line)
    {
        var edited = EnvFile.Read(text, ".env").With([KeyValuePair.Create("TAG", "2.4.1")], "\n");

        Assert.Equal(expected, edited.Text);
        Assert.Equal(line, edited.LineOf("TAG"));
    }

    [Fact]
    public void With_sets_several_keys_in_one_pass()
    {
        var edited = EnvFile.Read("A=1\r\n# b\r\nB='1'\r\nA=2", ".env")
            .With([KeyValuePair.Create("C", "3"), KeyValuePair.Create("B", "2"), KeyValuePair.Create("A", "3")], "\n");

        Assert.Equal("A=1\r\n# b\r\nB='2'\r\nA=3\r\nC=3\r\n", edited.Text);
    }

    [Fact]
    public void With_uses_the_fallback_newline_when_the_file_has_none()
    {
        var edited = EnvFile.Read(null, ".env").With([KeyValuePair.Create("TAG", "2.4.1")], "\r\n");

        Assert.Equal("TAG=2.4.1\r\n", edited.Text);
    }

    [Theory]
    [InlineData("TAG=\"2.4.0\n")]
    [InlineData("A=1\nTAG='2.4.0\nB=2\n")]
    public void Read_refuses_a_quoted_value_without_its_closing_quote(string text)
    {
        var exception = Assert.Throws<ComposeEditException>(() => EnvFile.Read(text, "prod.env"));

        Assert.StartsWith("prod.env:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("has no closing", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_refuses_variables_that_refer_to_each_other()
    {
        var env = EnvFile.Read("A=${B}\nB=${A}\n", ".env");

        Assert.Throws<FormatException>(() => env.Lookup("A"));
    }

    [Fact]
    public void Lookup_stops_a_value_that_grows_exponentially()
    {
        var lines = Enumerable.Range(0, 9).Select(level => $"V{level}=" + (level == 0 ? "xxxxxxxxxx" : string.Concat(Enumerable.Repeat($"${{V{level - 1}}}", 10))));
        var env = EnvFile.Read(string.Join('\n', lines), ".env");

        Assert.Throws<FormatException>(() => env.Lookup("V8"));
    }
}
