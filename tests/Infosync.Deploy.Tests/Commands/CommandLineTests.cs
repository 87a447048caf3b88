using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Images;
using Infosync.Deploy.Secrets;
using Xunit;

namespace Infosync.Deploy.Tests.Commands;

public sealed class CommandLineTests
{
    [Fact]
    public void Login_puts_the_password_on_stdin_and_shows_it_redacted()
    {
        var login = ImageCommands.Login("localhost:5443", "ci", new Secret("hunter2 $(id)"));

        Assert.DoesNotContain("hunter2", login.ToShell(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", login.Display, StringComparison.Ordinal);
        Assert.EndsWith("--password-stdin <<< [REDACTED]", login.Display, StringComparison.Ordinal);
        Assert.Equal("hunter2 $(id)", login.StandardInput!.Reveal());
    }

    [Fact]
    public void Build_tags_the_image_and_passes_the_tag_as_build_argument()
    {
        var image = ImageReference.Parse("localhost:5443/infosync/infosync:v7");

        var build = ImageCommands.Build(image, new Deploy.Settings.BuildSettings("/src/my app/Dockerfile", "/src/my app"));

        Assert.Equal(
            "docker build --tag localhost:5443/infosync/infosync:v7 --file '/src/my app/Dockerfile' --build-arg IMAGE_TAG=v7 " +
            "--label org.opencontainers.image.version=v7 '/src/my app'",
            build.Display);
    }

    [Fact]
    public void Secrets_print_redacted_in_any_format()
    {
        var secret = new Secret("hunter2");

        Assert.Equal("[REDACTED]", $"{secret}");
        Assert.Equal("[REDACTED]", string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}", secret));
    }

    [Fact]
    public void Redactor_scrubs_known_secrets_from_foreign_text()
    {
        var redactor = new Redactor([new Secret("hunter2"), null, new Secret(string.Empty)]);

        Assert.Equal("login failed for [REDACTED] at host", redactor.Redact("login failed for hunter2 at host"));
    }
}
