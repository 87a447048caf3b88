using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Deployment;

/// <summary>The server's Compose: <c>docker compose</c> (v2) when present, else <c>docker-compose</c> (v1).</summary>
public sealed record ComposeCli(string Program, IReadOnlyList<string> Subcommand)
{
    /// <summary>Compose v2, the Docker CLI plugin.</summary>
    public static readonly ComposeCli V2 = new("docker", ["compose"]);

    /// <summary>Compose v1, the standalone program.</summary>
    public static readonly ComposeCli V1 = new("docker-compose", []);

    // $1 is a lock file: an earlier `up` still finishing on the server (its connection dropped) goes first.
    private const string DetachedScript =
        """
        lockfile=$1; shift
        if command -v flock >/dev/null 2>&1; then set -- flock "$lockfile" "$@"; fi
        log=$(mktemp "${TMPDIR:-/tmp}/infosync-compose.XXXXXX") || exit 1
        if command -v setsid >/dev/null 2>&1; then setsid "$@" >"$log" 2>&1 </dev/null & else "$@" >"$log" 2>&1 </dev/null & fi
        wait $!; status=$?
        cat -- "$log"; rm -f -- "$log"
        exit $status
        """;

    /// <summary>Prints <c>v2</c>, <c>v1</c> or <c>none</c>: which Compose the server has.</summary>
    public static RemoteCommand Detect { get; } = RemoteCommand.Read(RemoteCommand.Script(
        "if docker compose version >/dev/null 2>&1; then echo v2; " +
        "elif command -v docker-compose >/dev/null 2>&1; then echo v1; else echo none; fi"));

    /// <summary>The Compose that <see cref="Detect"/>'s output names, or null when there is none.</summary>
    public static ComposeCli? FromDetection(string output) => output.Trim() switch
    {
        "v2" => V2,
        "v1" => V1,
        _ => null,
    };

    /// <summary>How the Compose is named in output.</summary>
    public string Display => string.Join(' ', [Program, .. Subcommand]);

    /// <summary>
    /// Recreates <paramref name="services"/> from the file, leaving every other service alone. Compose runs in its own
    /// session on the server, writing to a log file, so that it finishes even if this connection drops half-way.
    /// </summary>
    public RemoteCommand Up(string composeFile, IEnumerable<string> services)
    {
        var up = Compose(composeFile, "up", "--detach", "--no-deps").Add([.. services]);
        var lockFile = $"{composeFile[..(composeFile.LastIndexOf('/') + 1)]}.deploy/compose.lock";
        return new(RemoteCommand.Script(DetachedScript, [lockFile, up.Program, .. up.Arguments]), TimeSpan.FromMinutes(5));
    }

    private CommandLine Compose(string composeFile, params string[] arguments) =>
        CommandLine.For(Program).Add([.. Subcommand]).Add("--file", composeFile).Add(arguments);
}
