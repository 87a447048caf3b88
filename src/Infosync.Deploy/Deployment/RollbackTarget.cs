using Infosync.Deploy.Images;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>Finds where a rollback returns to, from what the project runs now and the server's history.</summary>
internal static class RollbackTarget
{
    public static async Task<RollbackPoint> FindAsync(IRemoteHost host, DeployTarget target, RegistrySettings registry, CancellationToken cancellationToken)
    {
        var project = await new ComposeFiles(host, target).ReadAsync(cancellationToken);
        if (!project.IsRead)
        {
            throw new DeployException($"The history of {target.Environment} cannot be read without the server; " +
                $"give the tag to roll back to with {SettingNames.RollbackTag.Display}.");
        }

        var running = project.Images.FirstOrDefault(image => ImageReference.IsOf(image.Reference, registry.Repository))
            ?? throw new DeployException($"{project.FileNames} in {target.Directory} has no service using {registry.Repository}.");
        var currentTag = DeployHistory.TagOf(running.Reference) ?? "latest";
        var containers = await new ServiceContainers(host, project.WorkingDirectories).OfAsync(running.Service, cancellationToken);
        var currentImage = containers.FirstOrDefault(state => state.Running)?.ImageId;
        var entries = await new DeployHistory(host, target.Directory).ReadLastAsync(500, cancellationToken);
        return DeployHistory.Previous(entries, currentTag, currentImage)
            ?? throw new DeployException($"The history of {target.Environment} names no deploy before {currentTag}; " +
                $"give the tag to roll back to with {SettingNames.RollbackTag.Display}.");
    }
}
