using System.Text.Json;
using System.Text.Json.Serialization;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// One deploy, rollback or failed attempt, as a line of <c>DEPLOY_DIR/.deploy/history.jsonl</c>: the references before
/// and after (with their digests), and the local image ids, which tell two images of a reused tag apart.
/// </summary>
public sealed record HistoryEntry(
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("environment")] string Environment,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("from")] string? From,
    [property: JsonPropertyName("to")] string? To,
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("who")] string Who,
    [property: JsonPropertyName("pipeline")] string? Pipeline,
    [property: JsonPropertyName("message")] string? Message = null,
    [property: JsonPropertyName("fromImage")] string? FromImage = null,
    [property: JsonPropertyName("toImage")] string? ToImage = null)
{
    /// <summary>Whether the entry records <paramref name="action"/> ending in <paramref name="outcome"/>.</summary>
    public bool Is(DeployAction action, DeployOutcome outcome) => Action == action.Word() && Is(outcome);

    /// <summary>Whether the entry records an attempt ending in <paramref name="outcome"/>.</summary>
    public bool Is(DeployOutcome outcome) => Result == outcome.Word();

    /// <summary>One line of JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Parses the history's lines, skipping any that are not entries (a line cut by a full disk).</summary>
    public static IReadOnlyList<HistoryEntry> ParseLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<HistoryEntry>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                if (JsonSerializer.Deserialize<HistoryEntry>(line) is { } entry)
                {
                    entries.Add(entry);
                }
            }
            catch (JsonException)
            {
                // A torn line is skipped; the rest of the history still counts.
            }
        }

        return entries;
    }
}
