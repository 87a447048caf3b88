using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Catalogue;

/// <summary>The server's Compose: <c>docker compose</c> (v2) when the user may run it, else <c>docker-compose</c> (v1).</summary>
public sealed record ComposeCli(string Program, IReadOnlyList<string> Subcommand, int Version)
{
    /// <summary>Compose v2, the Docker CLI plugin.</summary>
    public static readonly ComposeCli V2 = new("docker", ["compose"], 2);

    /// <summary>Compose v1, the standalone program.</summary>
    public static readonly ComposeCli V1 = new("docker-compose", [], 1);

    /// <summary>The Compose of a server that could not be asked which it has.</summary>
    public static readonly ComposeCli Unknown = new("docker", ["compose"], 0);

    // $1 the project directory, $2 a lock file: an earlier `up` still finishing on the server (its connection dropped)
    // goes first. Compose runs in the directory as the operator would run it there.
    private const string DetachedScript =
        """
        cd -- "$1" || exit 1; lockfile=$2; shift 2
        if command -v flock >/dev/null 2>&1; then set -- flock "$lockfile" "$@"; fi
        log=$(mktemp "${TMPDIR:-/tmp}/infosync-compose.XXXXXX") || exit 1
        if command -v setsid >/dev/null 2>&1; then setsid "$@" >"$log" 2>&1 </dev/null & else "$@" >"$log" 2>&1 </dev/null & fi
        wait $!; status=$?
        cat -- "$log"; rm -f -- "$log"
        exit $status
        """;

    /// <summary>Prints <c>v2</c>, <c>v1</c> or <c>none</c>: which Compose the server's user may run.</summary>
    public static RemoteCommand Detect { get; } = RemoteCommand.Read(RemoteCommand.Script(
        "if docker compose version >/dev/null 2>&1; then echo v2; " +
        "elif p=$(command -v docker-compose) && [ -x \"$p\" ]; then echo v1; else echo none; fi"))
        .Described("find the server's Compose: docker compose (v2), else docker-compose (v1)");

    /// <summary>The Compose that <see cref="Detect"/>'s output names, or null when there is none.</summary>
    public static ComposeCli? FromDetection(string output) => output.Trim() switch
    {
        "v2" => V2,
        "v1" => V1,
        _ => null,
    };

    /// <summary>How the Compose is named in output.</summary>
    public string Display => Version == 0 ? "the server's Compose" : string.Join(' ', [Program, .. Subcommand]);

    /// <summary>
    /// Recreates <paramref name="services"/> of the project in <paramref name="directory"/>, leaving every other service
    /// alone. Compose reads the files it would read there itself, unless <paramref name="files"/> names them. It runs in
    /// its own session on the server, writing to a log file, so that it finishes even if this connection drops half-way.
    /// </summary>
    public RemoteCommand Up(string directory, IReadOnlyList<string>? files, IEnumerable<string> services)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var up = CommandLine.For(Program).Add([.. Subcommand]);
        foreach (var file in files ?? [])
        {
            up = up.Add("--file", file);
        }

        up = up.Add("up", "--detach", "--no-deps").Add([.. services]);
        var lockFile = $"{directory}/.deploy/compose.lock";
        return new RemoteCommand(RemoteCommand.Script(DetachedScript, [directory, lockFile, up.Program, .. up.Arguments]), TimeSpan.FromMinutes(5))
            .Described($"in {directory}: {up.Display} (in its own session, so it finishes even if the connection drops)");
    }
}
