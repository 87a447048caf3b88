using System.Text.Json;
using System.Text.Json.Serialization;

namespace Infosync.Deploy.Deployment;

/// <summary>Who holds an environment's deploy lock, written into the lock so that others can name the holder.</summary>
public sealed record LockHolder(
    [property: JsonPropertyName("who")] string Who,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("tag")] string? Tag,
    [property: JsonPropertyName("since")] DateTimeOffset Since,
    [property: JsonPropertyName("pipeline")] string? Pipeline,
    [property: JsonPropertyName("job")] string? Job)
{
    /// <summary>One line of JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Parses a holder; null when the text is not one (a lock written by hand, or half-written).</summary>
    public static LockHolder? FromJson(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<LockHolder>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>How the holder reads in a message: on one line, whatever the server's file holds.</summary>
    public string Describe(DateTimeOffset now)
    {
        var age = now - Since;
        var where = Job ?? Pipeline;
        var text = $"{Who}, {Action}{(Tag is null ? string.Empty : " of " + Tag)}, since {Since:u} " +
            $"({(int)age.TotalSeconds} s ago){(where is null ? string.Empty : ", " + where)}";
        return Secrets.InertText.OneLine(text);
    }
}
