using Cake.Core.Diagnostics;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>The plan of a deploy whose server could not be read: the same commands, services named by their rule.</summary>
internal sealed class BlindPlan(IRemoteHost host, DeployTarget target, RegistrySettings registry, ComposeCli compose, ICakeLog log)
{
    public async Task PrintAsync(string tag, CancellationToken cancellationToken)
    {
        var image = $"{registry.Repository}:{tag}";
        var services = new[] { $"<each service whose image is {registry.Repository}>" };
        log.Information("[plan] {0}: read {1}, set the tag of {2} to {3} (the file could not be read, so no diff)",
            host.Name, target.ComposeFile, services[0], tag);
        if (registry.HasCredentials)
        {
            await host.RunAsync(ServerDocker.Login(registry), cancellationToken);
        }

        await host.RunAsync(ServerDocker.Pull(image), cancellationToken);
        await host.RunAsync(RemoteFiles.Write($"{target.ComposeFile}.bak", "<current docker-compose.yml>"), cancellationToken);
        await host.RunAsync(RemoteFiles.Write(target.ComposeFile, "<docker-compose.yml with the new tag>"), cancellationToken);
        await host.RunAsync(compose.Up(target.ComposeFile, services), cancellationToken);
        log.Information("[plan] {0}: wait up to {1:0} s for health, roll back if it fails, record the result in {2}/.deploy/history.jsonl",
            host.Name, target.Health.Timeout.TotalSeconds, target.Directory);
    }
}
