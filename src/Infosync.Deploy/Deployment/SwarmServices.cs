using System.Text.Json;
using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Deployment;

/// <summary>A service of a Swarm stack as <c>docker service inspect</c> shows it: image, replicas, the update's state.</summary>
public sealed record SwarmServiceState(string Name, string Image, int Replicas, string? UpdateState, string? UpdateMessage);

/// <summary>One task of a service as <c>docker service ps</c> shows it.</summary>
public sealed record SwarmTask(string Id, string Name, string Node, string Image, string DesiredState, string CurrentState, string Error)
{
    /// <summary>Whether the task runs, and so (with a HEALTHCHECK) is healthy: Swarm reports a task running only then.</summary>
    public bool Running => DesiredState == "Running" && CurrentState.StartsWith("Running", StringComparison.Ordinal);

    /// <summary>Whether the task ended badly.</summary>
    public bool Failed => Error.Length > 0 || CurrentState.StartsWith("Failed", StringComparison.Ordinal) || CurrentState.StartsWith("Rejected", StringComparison.Ordinal);

    /// <summary>Whether it runs <paramref name="reference"/> (Swarm pins the digest to it: <c>REF@sha256:…</c>).</summary>
    public bool Runs(string reference) => Image == reference || Image.StartsWith(reference + "@", StringComparison.Ordinal);

    /// <summary>One line for output: <c>web.2 on node-3: Failed 3 seconds ago: task: non-zero exit (3)</c>.</summary>
    public string Describe() =>
        $"{Secrets.InertText.OneLine(Name)} on {(Node.Length == 0 ? "no node" : Secrets.InertText.OneLine(Node))}: {Secrets.InertText.OneLine(CurrentState)}" +
        (Error.Length > 0 ? ": " + Secrets.InertText.OneLine(Error) : string.Empty);
}

/// <summary>The services of a stack on its manager: their state, tasks and logs.</summary>
public sealed class SwarmServices(IRemoteHost host, string stack)
{
    /// <summary>The manager.</summary>
    public IRemoteHost Host => host;

    /// <summary>The Swarm name of a stack's service: <c>STACK_SERVICE</c>.</summary>
    public string NameOf(string service) => $"{stack}_{service}";

    /// <summary>The service's state; null when there is no such service, or it could not be asked.</summary>
    public async Task<SwarmServiceState?> InspectAsync(string service, CancellationToken cancellationToken)
    {
        var shown = await host.RunAsync(StackCommands.Inspect(NameOf(service)), cancellationToken);
        if (!shown.Succeeded)
        {
            return null;
        }

        using var document = JsonDocument.Parse(shown.StandardOutput);
        var first = document.RootElement[0];
        var spec = first.GetProperty("Spec");
        var replicas = spec.GetProperty("Mode").TryGetProperty("Replicated", out var replicated) ? replicated.GetProperty("Replicas").GetInt32() : 0;
        var update = first.TryGetProperty("UpdateStatus", out var status) && status.ValueKind == JsonValueKind.Object ? status : (JsonElement?)null;
        return new SwarmServiceState(spec.GetProperty("Name").GetString() ?? service,
            spec.GetProperty("TaskTemplate").GetProperty("ContainerSpec").GetProperty("Image").GetString() ?? string.Empty, replicas,
            update?.TryGetProperty("State", out var state) == true ? state.GetString() : null,
            update?.TryGetProperty("Message", out var message) == true ? message.GetString() : null);
    }

    /// <summary>The service's tasks, newest of each slot first; empty when they could not be listed.</summary>
    public async Task<IReadOnlyList<SwarmTask>> TasksAsync(string service, CancellationToken cancellationToken)
    {
        var listed = await host.RunAsync(StackCommands.Tasks(NameOf(service)), cancellationToken);
        return listed.Succeeded ? ParseTasks(listed.StandardOutput) : [];
    }

    /// <summary>Parses <c>docker service ps --format '{{json .}}'</c>: one object a line.</summary>
    public static IReadOnlyList<SwarmTask> ParseTasks(string lines) =>
        [.. (lines ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            using var task = JsonDocument.Parse(line);
            string Field(string name) => task.RootElement.TryGetProperty(name, out var value) ? value.GetString() ?? string.Empty : string.Empty;
            return new SwarmTask(Field("ID"), Field("Name").TrimStart('\\', '_', ' '), Field("Node"), Field("Image"), Field("DesiredState"), Field("CurrentState"), Field("Error"));
        })];

    /// <summary>The service's last log lines from every node.</summary>
    public async Task<string> LogsAsync(string service)
    {
        var logs = await host.RunAsync(StackCommands.Logs(NameOf(service)), CancellationToken.None);
        return (logs.StandardOutput + logs.StandardError).TrimEnd();
    }
}
