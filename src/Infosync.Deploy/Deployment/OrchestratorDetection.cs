using Cake.Core.Diagnostics;
using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// <c>ORCHESTRATOR=auto</c>, the default: the server's Docker decides. Swarm when it is a manager that already runs
/// the environment's stack; Compose otherwise. A manager without that stack stays Compose: a Compose server that joined
/// a swarm for something else must not be switched by a deploy, so an environment's first Swarm deploy names swarm.
/// </summary>
public static class OrchestratorDetection
{
    /// <summary><paramref name="target"/> with its orchestrator decided, said in the output (and so in the plan).</summary>
    public static async Task<DeployTarget> ResolveAsync(IRemoteHost host, DeployTarget target, ICakeLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(log);
        var switching = target.Switch;
        if (!switching.Detect)
        {
            return target;
        }

        var setting = $"{target.Environment.VariablePrefix}_ORCHESTRATOR";
        var compose = target with { Switching = switching with { Detect = false } };
        var role = await host.RunAsync(StackCommands.NodeRole, cancellationToken);
        if (!role.Succeeded)
        {
            log.Information("Orchestrator: Compose, assumed: the Docker of {0} did not say whether it is in a swarm ({1}).", host.Name, InertText.OneLine(role.Tail()));
            return compose;
        }

        if (role.StandardOutput.Trim().Split(' ') is not ["active", "true", ..])
        {
            log.Verbose("Orchestrator: Compose (the Docker of {0} is not a swarm manager).", host.Name);
            return compose;
        }

        var stack = SwitchSettings.StackOf(target.Environment);
        var services = await host.RunAsync(StackCommands.ServicesOf(stack), cancellationToken);
        if (!services.Succeeded || string.IsNullOrWhiteSpace(services.StandardOutput))
        {
            log.Information("Orchestrator: Compose. The Docker of {0} is a swarm manager, but runs no stack {1}; set {2}=swarm to deploy the environment as that stack.",
                host.Name, stack, setting);
            return compose;
        }

        log.Information("Detected a swarm: the Docker of {0} is a swarm manager running stack {1} (set {2}=compose to deploy with Compose instead).",
            host.Name, stack, setting);
        return target with { Switching = switching.AsSwarm(target.Environment) };
    }
}
