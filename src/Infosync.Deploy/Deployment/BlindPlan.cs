using Infosync.Deploy.Catalogue;
using Cake.Core.Diagnostics;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// The plan of a deploy whose server could not be read: the commands that do not depend on it, and the steps that do
/// in words, without guessing which Compose runs there, which files it reads or which services use the image.
/// </summary>
internal sealed class BlindPlan(IRemoteHost host, DeployTarget target, RegistrySettings registry, ICakeLog log)
{
    public async Task PrintAsync(string tag, CancellationToken cancellationToken)
    {
        var image = $"{registry.Repository}:{tag}";
        log.Information("[plan] {0}: the server could not be read, so which Compose it runs, which compose files it reads in {1} " +
            "and which services use {2} are not known; no diff can be shown.", host.Name, target.Directory, registry.Repository);
        if (registry.HasCredentials)
        {
            await host.RunAsync(ImageCommands.ServerLogin(registry), cancellationToken);
        }

        await host.RunAsync(ImageCommands.Pull(image), cancellationToken);
        log.Information("[plan] {0}: set the tag of each service whose image is {1} to {2}, in the compose file or .env that sets it, " +
            "each only if unchanged since read, with a backup beside it", host.Name, registry.Repository, tag);
        log.Information("[plan] {0}: recreate those services with the server's Compose (up --detach --no-deps), wait up to {1:0} s for " +
            "health, roll back if it fails, record the result in {2}/.deploy/history.jsonl", host.Name, target.Health.Timeout.TotalSeconds, target.Directory);
    }
}
