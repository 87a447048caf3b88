using Infosync.Deploy.Commands;
using Infosync.Deploy.Images;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Docker;

/// <summary>The Docker CLI commands of building and publishing an image, as data.</summary>
public static class DockerCommands
{
    /// <summary>
    /// Builds <paramref name="image"/>. The tag is passed as the <c>IMAGE_TAG</c> build argument (and an OCI label)
    /// so the app can report its own version; Docker ignores the argument when the Dockerfile does not declare it.
    /// </summary>
    public static CommandLine Build(ImageReference image, BuildSettings build)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(build);
        return CommandLine.For("docker")
            .Add("build", "--tag", image.ToString())
            .AddIf(build.Dockerfile is not null, "--file", build.Dockerfile ?? string.Empty)
            .Add("--build-arg", $"IMAGE_TAG={image.Tag ?? "latest"}")
            .Add("--label", $"org.opencontainers.image.version={image.Tag ?? "latest"}")
            .Add(build.Context);
    }

    /// <summary>Logs into <paramref name="registryHost"/>, the password on stdin, never in the command line.</summary>
    public static CommandLine Login(string registryHost, string username, Secret password, string? configDirectory = null) =>
        Docker(configDirectory)
            .Add("login", registryHost, "--username", username, "--password-stdin")
            .WithSecretInput(password);

    /// <summary>Pushes <paramref name="image"/>.</summary>
    public static CommandLine Push(ImageReference image, string? configDirectory = null) =>
        Docker(configDirectory).Add("push", image.ToString());

    private static CommandLine Docker(string? configDirectory) =>
        CommandLine.For("docker").AddIf(configDirectory is not null, "--config", configDirectory ?? string.Empty);
}
