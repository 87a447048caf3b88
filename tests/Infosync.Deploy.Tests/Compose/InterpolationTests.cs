using Infosync.Deploy.Compose;
using Xunit;

namespace Infosync.Deploy.Tests.Compose;

public sealed class InterpolationTests
{
    private static readonly Dictionary<string, string> Variables = new()
    {
        ["TAG"] = "2.4.0",
        ["EMPTY"] = string.Empty,
        ["REGISTRY"] = "harbor.local",
    };

    [Theory]
    [InlineData("p/n:${TAG}", "p/n:2.4.0")]
    [InlineData("p/n:$TAG", "p/n:2.4.0")]
    [InlineData("p/n:${UNSET}", "p/n:")]
    [InlineData("p/n:${UNSET:-1.0}", "p/n:1.0")]
    [InlineData("p/n:${EMPTY:-1.0}", "p/n:1.0")]
    [InlineData("p/n:${EMPTY-1.0}", "p/n:")]
    [InlineData("p/n:${UNSET-1.0}", "p/n:1.0")]
    [InlineData("p/n${TAG:+:set}", "p/n:set")]
    [InlineData("p/n${UNSET:+:set}", "p/n")]
    [InlineData("${REGISTRY}/p/n:${UNSET:-${TAG}}", "harbor.local/p/n:2.4.0")]
    [InlineData("cost $$5 and $", "cost $5 and $")]
    public void Resolve_follows_compose_rules(string template, string expected)
    {
        Assert.Equal(expected, Interpolation.Resolve(template, Variables.GetValueOrDefault));
    }

    [Theory]
    [InlineData("p/n:${TAG", "no closing")]
    [InlineData("p/n:${}", "invalid variable")]
    [InlineData("p/n:${TAG!x}", "invalid variable")]
    [InlineData("p/n:${UNSET:?set the tag}", "variable UNSET is required: set the tag")]
    [InlineData("p/n:${EMPTY?x}${EMPTY:?needed}", "variable EMPTY is required: needed")]
    public void Resolve_refuses_bad_or_missing_variables(string template, string fragment)
    {
        var exception = Assert.Throws<FormatException>(() => Interpolation.Resolve(template, Variables.GetValueOrDefault));

        Assert.Contains(fragment, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_stops_defaults_nested_deeper_than_the_limit()
    {
        var template = string.Concat(Enumerable.Repeat("${UNSET:-", 50)) + "x" + new string('}', 50);

        Assert.Throws<FormatException>(() => Interpolation.Resolve(template, Variables.GetValueOrDefault));
    }
}
