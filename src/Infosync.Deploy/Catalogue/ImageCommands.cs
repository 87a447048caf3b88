using Infosync.Deploy.Commands;
using Infosync.Deploy.Images;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Catalogue;

/// <summary>
/// Docker's image commands as data: building, logging in and pushing on this machine; logging in, pulling, naming,
/// inspecting and pruning images on a server.
/// </summary>
public static class ImageCommands
{
    /// <summary>How long a pull may take before the deploy gives up (the old containers keep serving).</summary>
    public static readonly TimeSpan PullTimeout = TimeSpan.FromMinutes(15);

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

    /// <summary>Logs the server's Docker into the registry; the password goes on stdin.</summary>
    public static RemoteCommand ServerLogin(RegistrySettings registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (registry.Username is null || registry.Password is null)
        {
            throw new InvalidOperationException("Logging in needs the registry credentials.");
        }

        return RemoteCommand.Change(Login(registry.Host, registry.Username, registry.Password));
    }

    /// <summary>Pulls <paramref name="image"/> while the old containers keep serving.</summary>
    public static RemoteCommand Pull(string image) => new(CommandLine.For("docker").Add("pull", image), PullTimeout);

    /// <summary>Flushes the server's file system buffers.</summary>
    public static RemoteCommand Sync { get; } = new(CommandLine.For("sync"), TimeSpan.FromMinutes(2));

    /// <summary>Prints the repository digests of a local image, space-separated.</summary>
    public static RemoteCommand Digests(string image) => RemoteCommand.Read(CommandLine.For("docker")
        .Add("image", "inspect", "--format", "{{join .RepoDigests \" \"}}", image));

    /// <summary>Prints the id of a local image; fails when there is none.</summary>
    public static RemoteCommand ImageId(string reference) => RemoteCommand.Read(CommandLine.For("docker")
        .Add("image", "inspect", "--format", "{{.Id}}", reference));

    /// <summary>Gives the local image <paramref name="imageId"/> the name <paramref name="reference"/> as well.</summary>
    public static RemoteCommand Tag(string imageId, string reference) =>
        RemoteCommand.Change(CommandLine.For("docker").Add("tag", imageId, reference));

    /// <summary>Prints <c>TAG</c> lines of the repository's local images, newest first.</summary>
    public static RemoteCommand ListTags(string repository) => RemoteCommand.Read(CommandLine.For("docker")
        .Add("image", "ls", "--format", "{{.Tag}}", repository));

    /// <summary>Removes local images by reference; images in use are refused by Docker and stay.</summary>
    public static RemoteCommand RemoveImages(IEnumerable<string> references) =>
        RemoteCommand.Change(CommandLine.For("docker").Add("image", "rm").Add([.. references]));

    private static CommandLine Docker(string? configDirectory) =>
        CommandLine.For("docker").AddIf(configDirectory is not null, "--config", configDirectory ?? string.Empty);
}
