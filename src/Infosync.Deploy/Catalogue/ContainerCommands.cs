using System.Globalization;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Catalogue;

/// <summary>What a deploy asks a server's Docker about the project's containers, as data: ids, state, stops, answers.</summary>
public static class ContainerCommands
{
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

    /// <summary>
    /// Prints the ids of a service's containers, running or not, by the labels Compose (v1 and v2) puts on them, for
    /// each directory the project's containers may record (v2 the path as given, v1 the one with links resolved).
    /// Asking Docker directly avoids starting Compose, which for v1 (a Python program) costs most of a second.
    /// </summary>
    public static RemoteCommand ContainerIds(IReadOnlyList<string> workingDirectories, string service) =>
        RemoteCommand.Read(RemoteCommand.Script(ContainerIdsScript, [service, .. workingDirectories]))
            .Described($"list the containers of {service} by Compose's labels");

    /// <summary>Prints the <c>docker inspect</c> JSON of containers.</summary>
    public static RemoteCommand Inspect(IEnumerable<string> containerIds) =>
        RemoteCommand.Read(CommandLine.For("docker").Add("inspect").Add([.. containerIds]));

    /// <summary>
    /// Prints the exit code of each time the container stopped within <paramref name="lookBack"/>, oldest first. The end
    /// is a second ahead: Docker compares whole seconds, so "now" would miss a stop in the current second.
    /// </summary>
    public static RemoteCommand ExitCodes(string containerId, TimeSpan lookBack) => RemoteCommand.Read(RemoteCommand.Script(ExitCodesScript,
        containerId, ((int)lookBack.TotalSeconds).ToString(CultureInfo.InvariantCulture))).Described($"read how container {containerId} stopped lately");

    /// <summary>Prints a container's last <paramref name="lines"/> log lines.</summary>
    public static RemoteCommand Logs(string containerId, int lines = 50) => RemoteCommand.Read(CommandLine.For("docker")
        .Add("logs", "--tail", lines.ToString(CultureInfo.InvariantCulture), containerId));

    /// <summary>
    /// Fetches <paramref name="url"/> from the server itself and prints the HTTP status (000 when unreachable), with
    /// curl (URL globbing off, so brackets and braces stay literal) or, failing that, wget.
    /// </summary>
    public static RemoteCommand HttpStatus(string url) => RemoteCommand.Read(RemoteCommand.Script(HttpStatusScript, url))
        .Described($"fetch {url} from the server and print the HTTP status");
}
