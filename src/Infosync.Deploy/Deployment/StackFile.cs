using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// The file <c>docker stack deploy</c> gets, rendered from Compose's merged project (<c>config --format json</c>:
/// every file, <c>.env</c> interpolated, which the stack command would not read). JSON is YAML, so the stack command
/// reads it as it is. What a stack does not take is translated where the meaning is clear (<c>restart</c> to
/// <c>deploy.restart_policy</c>, <c>depends_on</c> to its list form, a build beside an image dropped) and refused,
/// in one line naming the key, where it is not.
/// </summary>
public static class StackFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The stack file before and after the change, or why the project cannot be a stack.</summary>
    public static (string? Refusal, string Before, string After) Render(string configJson, IReadOnlyDictionary<string, string> newImages, int nodes)
    {
        ArgumentNullException.ThrowIfNull(newImages);
        var root = JsonNode.Parse(configJson)?.AsObject() ?? throw new JsonException("Compose printed no project");
        var project = root["name"]?.GetValue<string>() ?? string.Empty;
        var stack = new JsonObject { ["version"] = "3.8" };
        foreach (var (key, value) in root.Where(pair => pair.Key != "name"))
        {
            stack[key] = value?.DeepClone();
        }

        foreach (var section in new[] { "networks", "volumes", "secrets", "configs" })
        {
            // Compose names them PROJECT_KEY; the stack command names them STACK_KEY itself.
            foreach (var (key, value) in (stack[section] as JsonObject)?.ToList() ?? [])
            {
                if (value is JsonObject entry && entry["name"]?.GetValue<string>() == $"{project}_{key}")
                {
                    entry.Remove("name");
                }
            }
        }

        foreach (var (name, value) in stack["services"]?.AsObject().ToList() ?? [])
        {
            if (value is JsonObject service && Service(name, service, nodes) is { } refusal)
            {
                return (refusal, string.Empty, string.Empty);
            }
        }

        var before = stack.ToJsonString(Indented);
        foreach (var (service, image) in newImages)
        {
            stack["services"]![service]!["image"] = image;
        }

        return (null, before, stack.ToJsonString(Indented));
    }

    private static string? Service(string name, JsonObject service, int nodes)
    {
        foreach (var key in service.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList())
        {
            service.Remove(key);
        }

        if (service.ContainsKey("container_name"))
        {
            return $"service {name} has container_name:, which a Swarm stack cannot take (Swarm names each task itself); remove it";
        }

        if (service["network_mode"] is not null)
        {
            return $"service {name} has network_mode:, which a Swarm stack cannot take; use networks: instead";
        }

        if (service["image"] is null)
        {
            return $"service {name} has no image:, and a Swarm stack cannot build one; build and push it, and name it in image:";
        }

        service.Remove("build");
        if (service["depends_on"] is JsonObject dependsOn)
        {
            service["depends_on"] = new JsonArray([.. dependsOn.Select(pair => (JsonNode)pair.Key)]);
        }

        foreach (var port in service["ports"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (port["published"]?.GetValue<string>() is { } published && int.TryParse(published, CultureInfo.InvariantCulture, out var number))
            {
                port["published"] = number;
            }
        }

        var deploy = service["deploy"] as JsonObject ?? [];
        service["deploy"] = deploy;
        if (service["restart"]?.GetValue<string>() is { } restart)
        {
            service.Remove("restart");
            deploy["restart_policy"] ??= new JsonObject { ["condition"] = restart.StartsWith("on-failure", StringComparison.Ordinal) ? "on-failure" : restart == "no" ? "none" : "any" };
        }

        return Deadlock(name, service, deploy, nodes);
    }

    // Measured: a start-first update with a host-mode port on every node waits for a free port forever.
    private static string? Deadlock(string name, JsonObject service, JsonObject deploy, int nodes)
    {
        var startFirst = deploy["update_config"]?["order"]?.GetValue<string>() == "start-first";
        var hostPort = service["ports"]?.AsArray().OfType<JsonObject>().Any(port => port["mode"]?.GetValue<string>() == "host" && port["published"] is not null) == true;
        var replicas = deploy["replicas"]?.GetValue<int>() ?? 1;
        return startFirst && hostPort && replicas >= nodes
            ? $"service {name} updates start-first with a host-mode port and {replicas} replica(s) on {nodes} node(s): no node has a free port " +
              "for the new task, and Swarm waits for one forever; use update_config.order: stop-first, or fewer replicas than nodes"
            : null;
    }
}
