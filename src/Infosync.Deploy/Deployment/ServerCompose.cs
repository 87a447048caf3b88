using Infosync.Deploy.Catalogue;
using Cake.Core.Diagnostics;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Deployment;

/// <summary>Finding the server's Compose and bringing services up with it.</summary>
internal static class ServerCompose
{
    /// <summary>The server's Compose; null in a plan whose server could not be asked.</summary>
    public static async Task<ComposeCli?> DetectAsync(IRemoteHost host, ICakeLog log, CancellationToken cancellationToken)
    {
        var detected = await host.RunAsync(ComposeCli.Detect, cancellationToken);
        if (!detected.Succeeded && host.IsPlan)
        {
            return null;
        }

        var compose = ComposeCli.FromDetection(detected.EnsureSuccess($"Looking for Compose on {host.Name}").StandardOutput)
            ?? throw new DeployException($"{host.Name} has neither 'docker compose' (v2) nor 'docker-compose' (v1) that its user may run.");
        log.Verbose("{0} uses {1}", host.Name, compose.Display);
        return compose;
    }

    public static async Task UpAsync(IRemoteHost host, ComposeProject project, IReadOnlyCollection<string> services)
    {
        // Not cancellable, and detached on the server: a recreate stopped half-way, by us or by a dropped
        // connection, could leave a service with no container at all.
        var result = await host.RunAsync(project.Cli.Up(project.Directory, project.FileArguments, services), CancellationToken.None);
        result.EnsureSuccess($"{project.Cli.Display} up of {string.Join(", ", services)} on {host.Name}");
    }
}
