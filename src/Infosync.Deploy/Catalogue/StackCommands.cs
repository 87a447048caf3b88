using System.Globalization;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Secrets;

namespace Infosync.Deploy.Catalogue;

/// <summary>What a deploy asks of a Swarm manager, as data: its role, the stack deploy, the services' state and tasks.</summary>
public static class StackCommands
{
    /// <summary>Prints <c>STATE MANAGER NODES</c>, e.g. <c>active true 3</c>: whether this engine is in a swarm and manages it.</summary>
    public static RemoteCommand NodeRole { get; } = RemoteCommand.Read(CommandLine.For("docker")
        .Add("info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}} {{.Swarm.Nodes}}"));

    /// <summary>Prints the names of the services of <paramref name="stack"/>, one a line: none when there is no such stack.</summary>
    public static RemoteCommand ServicesOf(string stack) => RemoteCommand.Read(CommandLine.For("docker")
        .Add("service", "ls", "--filter", $"label=com.docker.stack.namespace={stack}", "--format", "{{.Name}}"));

    /// <summary>
    /// Deploys <paramref name="stackFile"/> as <paramref name="stack"/>, with the manager's registry login passed to the
    /// nodes that pull. The file travels on stdin: it holds the values Compose interpolated from <c>.env</c>.
    /// </summary>
    public static RemoteCommand Deploy(string stack, Secret stackFile) =>
        new RemoteCommand(CommandLine.For("docker").Add("stack", "deploy", "--with-registry-auth", "--compose-file", "-", stack)
            .WithSecretInput(stackFile), TimeSpan.FromMinutes(5));

    /// <summary>Prints the <c>docker service inspect</c> JSON of a service.</summary>
    public static RemoteCommand Inspect(string service) => RemoteCommand.Read(CommandLine.For("docker").Add("service", "inspect", service));

    /// <summary>Prints a service's tasks, one JSON object a line, the newest of each slot first.</summary>
    public static RemoteCommand Tasks(string service) => RemoteCommand.Read(CommandLine.For("docker")
        .Add("service", "ps", "--no-trunc", "--format", "{{json .}}", service));

    /// <summary>Prints a service's last log lines, from every node.</summary>
    public static RemoteCommand Logs(string service, int lines = 20) => RemoteCommand.Read(CommandLine.For("docker")
        .Add("service", "logs", "--no-task-ids", "--tail", lines.ToString(CultureInfo.InvariantCulture), service));
}
