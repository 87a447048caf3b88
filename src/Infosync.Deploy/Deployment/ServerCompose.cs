using Cake.Core.Diagnostics;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Deployment;

/// <summary>Finding the server's Compose and bringing services up with it.</summary>
internal static class ServerCompose
{
    public static async Task<ComposeCli> DetectAsync(IRemoteHost host, ICakeLog log, CancellationToken cancellationToken)
    {
        var detected = await host.RunAsync(ComposeCli.Detect, cancellationToken);
        if (!detected.Succeeded && host.IsPlan)
        {
            log.Information("[plan] {0}: assuming {1}; the server could not be asked which Compose it has.", host.Name, ComposeCli.V2.Display);
            return ComposeCli.V2;
        }

        var compose = ComposeCli.FromDetection(detected.EnsureSuccess($"Looking for Compose on {host.Name}").StandardOutput)
            ?? throw new DeployException($"{host.Name} has neither 'docker compose' (v2) nor 'docker-compose' (v1).");
        log.Verbose("{0} uses {1}", host.Name, compose.Display);
        return compose;
    }

    public static async Task UpAsync(IRemoteHost host, ComposeCli compose, string composeFile, IReadOnlyCollection<string> services)
    {
        // Not cancellable, and detached on the server: a recreate stopped half-way, by us or by a dropped
        // connection, could leave a service with no container at all.
        var result = await host.RunAsync(compose.Up(composeFile, services), CancellationToken.None);
        result.EnsureSuccess($"{compose.Display} up of {string.Join(", ", services)} on {host.Name}");
    }
}
