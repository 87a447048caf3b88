using System.Globalization;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Catalogue;

/// <summary>The environment's history on its server, <c>DEPLOY_DIR/.deploy/history.jsonl</c>: one JSON line per attempt.</summary>
public static class HistoryCommands
{
    // A line torn by a full disk or a killed append is ended first, so the new entry stays a line of its own.
    private const string AppendScript =
        """
        mkdir -p -- "$1/.deploy" || exit
        f="$1/.deploy/history.jsonl"
        if [ -s "$f" ] && [ -n "$(tail -c 1 -- "$f")" ]; then printf '\n' >> "$f"; fi
        printf '%s\n' "$2" >> "$f"
        """;

    private const string ReadLastScript = "f=\"$1/.deploy/history.jsonl\"; [ -f \"$f\" ] || exit 0; tail -n \"$2\" -- \"$f\"";

    /// <summary>Appends the line <paramref name="json"/>.</summary>
    public static RemoteCommand Append(string deployDirectory, string json, string what) =>
        RemoteCommand.Change(RemoteCommand.Script(AppendScript, deployDirectory, json))
            .Described($"record {what} in {deployDirectory}/.deploy/history.jsonl");

    /// <summary>Prints the last <paramref name="count"/> lines; nothing when there is no history yet.</summary>
    public static RemoteCommand ReadLast(string deployDirectory, int count) =>
        RemoteCommand.Read(RemoteCommand.Script(ReadLastScript, deployDirectory, count.ToString(CultureInfo.InvariantCulture)))
            .Described($"read the last {count} entries of {deployDirectory}/.deploy/history.jsonl");
}
