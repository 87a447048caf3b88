using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Tests.Fakes;

/// <summary>
/// A command sent to a <see cref="FlowHost"/> named as a step of the deploy (<c>pull REPO:v2</c>, <c>write compose.yaml</c>):
/// by a script's one-line summary, or by the Docker command itself; the repository reads as <c>REPO</c>.
/// </summary>
public static class FlowStep
{
    public static string Of(RemoteCommand command, string repository)
    {
        ArgumentNullException.ThrowIfNull(command);
        var arguments = command.Command.Arguments;
        var step = command.Command.Program switch
        {
            "docker" => Docker(arguments) ?? command.Step,
            "sync" => "sync",
            "sleep" => "drain",
            _ => Script(command.Summary ?? command.Step, [.. arguments.Skip(3)]),
        };
        return step.Replace(repository, "REPO", StringComparison.Ordinal);
    }

    /// <summary>A script's values, <c>$1 $2 ...</c>: what follows <c>sh -c SCRIPT sh</c>.</summary>
    public static IReadOnlyList<string> Parameters(RemoteCommand command) =>
        [.. (command ?? throw new ArgumentNullException(nameof(command))).Command.Arguments.Skip(3)];

    private static string? Docker(IReadOnlyList<string> a) => a switch
    {
        ["inspect", ..] => "inspect",
        ["image", "inspect", "--format", "{{.Id}}", var image] => "image id " + image,
        ["image", "inspect", "--format", _, var image] => "digests " + image,
        ["image", "ls", ..] => "list tags",
        ["image", "rm", ..] => "remove " + string.Join(' ', a.Skip(2)),
        ["tag", _, var reference] => "tag " + reference,
        ["login", ..] => "login",
        ["pull", var image] => "pull " + image,
        ["logs", ..] => "logs",
        ["stop", "--time", _, ..] => "stop " + string.Join(' ', a.Skip(3)),
        ["rm", ..] => string.Join(' ', a),
        _ => null,
    };

    private static string Script(string summary, string[] p) => summary switch
    {
        _ when summary.StartsWith("start the lock's keeper", StringComparison.Ordinal) => "keeper",
        _ when summary.StartsWith("take the deploy lock in", StringComparison.Ordinal) => "reclaim",
        _ when summary.StartsWith("take the deploy lock", StringComparison.Ordinal) => "lock",
        _ when summary.StartsWith("take over the deploy lock", StringComparison.Ordinal) => "takeover",
        _ when summary.StartsWith("release the deploy lock", StringComparison.Ordinal) => "release",
        _ when summary.StartsWith("find the server's Compose", StringComparison.Ordinal) => "detect",
        _ when summary.StartsWith("look into ", StringComparison.Ordinal) => "probe",
        _ when summary.StartsWith("read the last ", StringComparison.Ordinal) => "history",
        _ when summary.StartsWith("record the ", StringComparison.Ordinal) => "record " + summary.Split(' ')[2],
        _ when summary.StartsWith("read ", StringComparison.Ordinal) => "read " + Path.GetFileName(p[0]),
        _ when summary.StartsWith("write ", StringComparison.Ordinal) => "write " + Path.GetFileName(p[0]),
        _ when summary.StartsWith("put ", StringComparison.Ordinal) => "restore " + Path.GetFileName(p[0]),
        _ when summary.StartsWith("list the containers of ", StringComparison.Ordinal) => "containers " + p[0],
        _ when summary.StartsWith("wait for an earlier Compose run", StringComparison.Ordinal) => "await up",
        _ when summary.Contains(" config --format json ", StringComparison.Ordinal) => "config",
        _ when summary.Contains(" up --detach --no-deps ", StringComparison.Ordinal) =>
            "up " + string.Join(' ', p.SkipWhile(word => word != "--no-deps").Skip(1)),
        _ => summary,
    };
}
