using System.Text.Json;

namespace Infosync.Deploy.Deployment;

/// <summary>A container as <c>docker inspect</c> describes it, reduced to what the health gate and status need.</summary>
public sealed record ContainerState(
    string Id,
    string Name,
    string Image,
    string ImageId,
    string Status,
    string? Health,
    int RestartCount,
    int ExitCode,
    string StartedAt,
    string? Project = null)
{
    /// <summary>The Compose service the container belongs to, from its label; null when it has none.</summary>
    public string? Service { get; init; }

    /// <summary>The container's addresses on its networks.</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];

    /// <summary>Whether the container is running.</summary>
    public bool Running => Status == "running";

    /// <summary>Parses the JSON array <c>docker inspect</c> prints.</summary>
    public static IReadOnlyList<ContainerState> ParseInspect(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(FromElement)];
    }

    /// <summary>The container's name without Docker's leading slash, safe to print.</summary>
    public string DisplayName => Secrets.InertText.OneLine(Name.TrimStart('/'));

    /// <summary>One line for logs: state, exit code, restarts, health.</summary>
    public string Describe() =>
        $"{DisplayName} ({Id[..Math.Min(12, Id.Length)]}): {Status}, exit code {ExitCode}, " +
        $"{RestartCount} restart(s){(Health is null ? string.Empty : ", health " + Health)}, image {Secrets.InertText.OneLine(Image)}";

#pragma warning disable CA1507 // The literals are Docker's JSON field names, which merely share our property names.
    private static ContainerState FromElement(JsonElement container)
    {
        var state = container.GetProperty("State");
        var health = state.TryGetProperty("Health", out var h) && h.ValueKind == JsonValueKind.Object
            ? h.GetProperty("Status").GetString()
            : null;
        return new ContainerState(
            container.GetProperty("Id").GetString() ?? string.Empty,
            container.GetProperty("Name").GetString() ?? string.Empty,
            container.GetProperty("Config").GetProperty("Image").GetString() ?? string.Empty,
            container.GetProperty("Image").GetString() ?? string.Empty,
            state.GetProperty("Status").GetString() ?? "unknown",
            health,
            container.TryGetProperty("RestartCount", out var restarts) ? restarts.GetInt32() : 0,
            state.TryGetProperty("ExitCode", out var exit) ? exit.GetInt32() : 0,
            state.TryGetProperty("StartedAt", out var started) ? started.GetString() ?? string.Empty : string.Empty,
            Label(container, "com.docker.compose.project"))
        {
            Service = Label(container, "com.docker.compose.service"),
            Addresses = AddressesOf(container),
        };
    }

    private static string? Label(JsonElement container, string name) =>
        container.GetProperty("Config").TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object
            && labels.TryGetProperty(name, out var value)
            ? value.GetString()
            : null;

    private static IReadOnlyList<string> AddressesOf(JsonElement container) =>
        container.TryGetProperty("NetworkSettings", out var settings) && settings.TryGetProperty("Networks", out var networks)
            && networks.ValueKind == JsonValueKind.Object
            ? [.. networks.EnumerateObject()
                .Select(network => network.Value.TryGetProperty("IPAddress", out var address) ? address.GetString() : null)
                .OfType<string>().Where(address => address.Length > 0)]
            : [];
#pragma warning restore CA1507
}
