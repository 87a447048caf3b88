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
    public RemoteCommand Up(string directory, IReadOnlyList<string>? files, IEnumerable<string> services) =>
        Detached(directory, Cli(files).Add("up", "--detach", "--no-deps").Add([.. services]));

    /// <summary>
    /// Starts new containers of <paramref name="service"/> beside the running ones until it has <paramref name="count"/>,
    /// recreating none (<c>--no-recreate</c>), detached on the server like <see cref="Up"/>.
    /// </summary>
    public RemoteCommand StartBeside(string directory, IReadOnlyList<string>? files, string service, int count) =>
        Detached(directory, Cli(files).Add("up", "--detach", "--no-deps", "--no-recreate")
            .Add("--scale", $"{service}={count.ToString(System.Globalization.CultureInfo.InvariantCulture)}", service));

    /// <summary>
    /// Prints the project as Compose merges it (every file, <c>.env</c> interpolated) as JSON. Compose v2 only. The
    /// output holds the server's secret values: it is read, never printed.
    /// </summary>
    public RemoteCommand Config(string directory, IReadOnlyList<string>? files)
    {
        var config = Cli(files).Add("config", "--format", "json");
        return RemoteCommand.Read(RemoteCommand.Script("cd -- \"$1\" || exit 1; shift; exec \"$@\"", [directory, config.Program, .. config.Arguments]))
            .Described($"in {directory}: {config.Display} (read, not shown: it holds .env's values)");
    }

    /// <summary>Waits for an earlier detached <c>up</c> in <paramref name="directory"/> to finish (its connection may have dropped).</summary>
    public static RemoteCommand AwaitEarlierUp(string directory) => new RemoteCommand(RemoteCommand.Script(
        "if command -v flock >/dev/null 2>&1 && [ -e \"$1\" ]; then flock \"$1\" true; fi", $"{directory}/.deploy/compose.lock"),
        TimeSpan.FromMinutes(5), ReadOnly: true).Described($"wait for an earlier Compose run in {directory} to finish");

    private CommandLine Cli(IReadOnlyList<string>? files)
    {
        var cli = CommandLine.For(Program).Add([.. Subcommand]);
        foreach (var file in files ?? [])
        {
            cli = cli.Add("--file", file);
        }

        return cli;
    }

    private static RemoteCommand Detached(string directory, CommandLine compose)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var lockFile = $"{directory}/.deploy/compose.lock";
        return new RemoteCommand(RemoteCommand.Script(DetachedScript, [directory, lockFile, compose.Program, .. compose.Arguments]), TimeSpan.FromMinutes(5))
            .Described($"in {directory}: {compose.Display} (in its own session, so it finishes even if the connection drops)");
    }
}
