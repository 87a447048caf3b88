using Infosync.Deploy.Commands;
using Infosync.Deploy.Docker;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>The Docker commands a deploy runs on the server, as data.</summary>
public static class ServerDocker
{
    /// <summary>How long a pull may take before the deploy gives up (the old containers keep serving).</summary>
    public static readonly TimeSpan PullTimeout = TimeSpan.FromMinutes(15);

    private const string ContainerIdsScript =
        """
        service=$1; shift
        for d in "$@"; do
          docker ps --all --quiet --no-trunc --filter "label=com.docker.compose.project.working_dir=$d" \
            --filter "label=com.docker.compose.service=$service" --filter label=com.docker.compose.oneoff=False || exit
        done
        """;

    private const string ExitCodesScript =
        """
        now=$(date +%s)
        docker events --since "$((now - $2))" --until "$((now + 1))" --filter "container=$1" --filter event=die \
          --format '{{.Actor.Attributes.exitCode}}'
        """;

    private const string HttpStatusScript =
        """
        if command -v curl >/dev/null 2>&1; then curl -s -g -o /dev/null -w '%{http_code}' --max-time 5 -- "$1"
        elif wget -q -T 5 -O /dev/null -- "$1" 2>/dev/null; then echo 200; else echo 000; fi
        """;

    /// <summary>Logs the server's Docker into the registry; the password goes on stdin.</summary>
    public static RemoteCommand Login(RegistrySettings registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (registry.Username is null || registry.Password is null)
        {
            throw new InvalidOperationException("Logging in needs the registry credentials.");
        }

        return RemoteCommand.Change(DockerCommands.Login(registry.Host, registry.Username, registry.Password));
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

    /// <summary>
    /// Prints the ids of a service's containers, running or not, by the labels Compose (v1 and v2) puts on them, for
    /// each directory the project's containers may record (v2 the path as given, v1 the one with links resolved).
    /// Asking Docker directly avoids starting Compose, which for v1 (a Python program) costs most of a second.
    /// </summary>
    public static RemoteCommand ContainerIds(IReadOnlyList<string> workingDirectories, string service) =>
        RemoteCommand.Read(RemoteCommand.Script(ContainerIdsScript, [service, .. workingDirectories]));

    /// <summary>Prints the <c>docker inspect</c> JSON of containers.</summary>
    public static RemoteCommand Inspect(IEnumerable<string> containerIds) =>
        RemoteCommand.Read(CommandLine.For("docker").Add("inspect").Add([.. containerIds]));

    /// <summary>
    /// Prints the exit code of each time the container stopped within <paramref name="lookBack"/>, oldest first. The end
    /// is a second ahead: Docker compares whole seconds, so "now" would miss a stop in the current second.
    /// </summary>
    public static RemoteCommand ExitCodes(string containerId, TimeSpan lookBack) => RemoteCommand.Read(RemoteCommand.Script(ExitCodesScript,
        containerId, ((int)lookBack.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Prints a container's last <paramref name="lines"/> log lines.</summary>
    public static RemoteCommand Logs(string containerId, int lines = 50) => RemoteCommand.Read(CommandLine.For("docker")
        .Add("logs", "--tail", lines.ToString(System.Globalization.CultureInfo.InvariantCulture), containerId));

    /// <summary>Prints <c>TAG</c> lines of the repository's local images, newest first.</summary>
    public static RemoteCommand ListTags(string repository) => RemoteCommand.Read(CommandLine.For("docker")
        .Add("image", "ls", "--format", "{{.Tag}}", repository));

    /// <summary>Removes local images by reference; images in use are refused by Docker and stay.</summary>
    public static RemoteCommand RemoveImages(IEnumerable<string> references) =>
        RemoteCommand.Change(CommandLine.For("docker").Add("image", "rm").Add([.. references]));

    /// <summary>
    /// Fetches <paramref name="url"/> from the server itself and prints the HTTP status (000 when unreachable), with
    /// curl (URL globbing off, so brackets and braces stay literal) or, failing that, wget.
    /// </summary>
    public static RemoteCommand HttpStatus(string url) => RemoteCommand.Read(RemoteCommand.Script(HttpStatusScript, url));
}
