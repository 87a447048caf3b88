using Cake.Core.Diagnostics;
using Cake.Frosting;
using Xunit;

namespace Infosync.Deploy.Tests.Host;

public sealed class HostOptionsTests
{
    [Fact]
    public void Cake_options_are_read_and_every_argument_is_kept()
    {
        var options = HostOptions.Parse(["--target=DeployDev", "--exclusive", "--verbosity=diagnostic", "--image-tag=v1=x"]);

        Assert.Equal("DeployDev", options.Target);
        Assert.True(options.Exclusive);
        Assert.Equal(Verbosity.Diagnostic, options.Verbosity);
        Assert.Equal("v1=x", options.Arguments["image-tag"].Single());
        Assert.Equal("true", options.Arguments["exclusive"].Single());
    }

    [Theory]
    [InlineData("--exclusive", true)]
    [InlineData("-e", true)]
    [InlineData("--exclusive=true", true)]
    [InlineData("--exclusive=false", false)]
    [InlineData("--tree", false)]
    public void A_lifetime_reads_exclusivity_from_Cakes_arguments_as_the_host_runs_it(string argument, bool exclusive)
    {
        var options = HostOptions.Parse(["--target=DeployDev", argument]);

        Assert.Equal(options.Exclusive, HostOptions.IsExclusive(new Cake.Core.CakeArguments(options.Arguments)));
        Assert.Equal(exclusive, HostOptions.IsExclusive(new Cake.Core.CakeArguments(options.Arguments)));
    }

    [Fact]
    public void The_default_target_is_Default() => Assert.Equal("Default", HostOptions.Parse([]).Target);

    [Theory]
    [InlineData("DeployDev")]
    [InlineData("--")]
    [InlineData("--=x")]
    [InlineData("--verbosity=loud")]
    public void Malformed_arguments_are_refused_with_a_message(string argument)
    {
        var error = Assert.Throws<FormatException>(() => HostOptions.Parse([argument]));

        Assert.DoesNotContain('\n', error.Message);
    }
}
