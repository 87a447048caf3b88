using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// Whether each changed service can run a second container beside its first, judged on the project as Compose merges
/// it (<c>docker compose config --format json</c>, so override files, <c>COMPOSE_FILE</c> and <c>.env</c> count), and
/// how long each may take to stop (its <c>stop_grace_period</c>, Docker's 10 s when unset).
/// </summary>
public static partial class RollingCheck
{
    /// <summary>Docker's stop timeout when a service sets none.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(10);

    /// <summary>The first reason a service cannot roll, or null and each service's stop grace period.</summary>
    public static (string? Refusal, IReadOnlyDictionary<string, TimeSpan> Grace) Judge(string configJson, IReadOnlyCollection<string> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var document = JsonDocument.Parse(configJson);
        var all = document.RootElement.GetProperty("services").EnumerateObject().ToDictionary(s => s.Name, s => s.Value.Clone(), StringComparer.Ordinal);
        var grace = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var name in services)
        {
            if (!all.TryGetValue(name, out var service))
            {
                return ($"Compose's merged project has no service {name}", grace);
            }

            if (Refusal(name, service, all) is { } refusal)
            {
                return ($"the rolling strategy cannot start a second container of {name} beside the first: {refusal}", grace);
            }

            grace[name] = service.TryGetProperty("stop_grace_period", out var period) && period.GetString() is { } text
                ? ParseDuration(text) ?? DefaultGrace
                : DefaultGrace;
        }

        return (null, grace);
    }

    /// <summary>A Go duration as Compose prints it (<c>1m30s</c>, <c>500ms</c>), or null.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var parts = Duration().Matches(text ?? string.Empty);
        if (parts.Count == 0 || string.Concat(parts.Select(part => part.Value)) != text)
        {
            return null;
        }

        var total = 0.0;
        foreach (Match part in parts)
        {
            var value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch { "h" => value * 3600, "m" => value * 60, "s" => value, "ms" => value / 1e3, "us" or "µs" => value / 1e6, _ => value / 1e9 };
        }

        return TimeSpan.FromSeconds(total);
    }

    private static string? Refusal(string name, JsonElement service, Dictionary<string, JsonElement> all)
    {
        if (service.TryGetProperty("container_name", out var fixedName) && fixedName.GetString() is { Length: > 0 } containerName)
        {
            return $"it has container_name: {containerName}, and two containers cannot share a name; remove container_name";
        }

        if (service.TryGetProperty("ports", out var ports) && ports.ValueKind == JsonValueKind.Array
            && ports.EnumerateArray().FirstOrDefault(HasHostPort) is { ValueKind: JsonValueKind.Object } port)
        {
            return $"it publishes host port {port.GetProperty("published").GetString()} (ports:), which only one container can hold; " +
                $"publish the port on the proxy service instead, and let the proxy reach {name} by name on their network";
        }

        if (service.TryGetProperty("network_mode", out var mode) && mode.GetString() is { Length: > 0 } networkMode)
        {
            return $"it has network_mode: {networkMode}, so no proxy can reach it by name; put it and the proxy on one Compose network";
        }

        var networks = Networks(service);
        return all.Any(other => other.Key != name && Networks(other.Value).Overlaps(networks))
            ? null
            : $"no other service shares a network with it, so no proxy can reach its new container; put {name} and the proxy on one network";
    }

    private static bool HasHostPort(JsonElement port) =>
        port.ValueKind == JsonValueKind.Object && port.TryGetProperty("published", out var published)
        && published.ValueKind is JsonValueKind.String or JsonValueKind.Number && published.ToString().Length > 0;

    private static HashSet<string> Networks(JsonElement service) =>
        service.TryGetProperty("network_mode", out _) ? []
        : service.TryGetProperty("networks", out var networks) && networks.ValueKind == JsonValueKind.Object
            ? [.. networks.EnumerateObject().Select(network => network.Name)]
            : ["default"];

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(h|ms|m|s|us|µs|ns)")]
    private static partial Regex Duration();
}
