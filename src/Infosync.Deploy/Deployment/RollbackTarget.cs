using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>Finds the tag a rollback returns to, from the compose file's current tag and the server's history.</summary>
internal static class RollbackTarget
{
    public static async Task<string> FindAsync(IRemoteHost host, DeployTarget target, RegistrySettings registry, CancellationToken cancellationToken)
    {
        var files = new ComposeFiles(host, target);
        var current = await files.ReadAsync(cancellationToken);
        var running = Compose.ComposeImageEditor.ReadImages(current.ComposeText, current.EnvText, files.ComposePath)
            .FirstOrDefault(image => Compose.ImageReference.IsOf(image.Reference, registry.Repository))
            ?? throw new DeployException($"{files.ComposePath} has no service using {registry.Repository}.");
        var currentTag = DeployHistory.TagOf(running.Reference) ?? "latest";
        var entries = await new DeployHistory(host, target.Directory).ReadLastAsync(500, cancellationToken);
        return DeployHistory.PreviousTag(entries, currentTag)
            ?? throw new DeployException($"The history of {target.Environment} names no deploy before {currentTag}; " +
                $"give the tag to roll back to with {SettingNames.ImageTag.Display}.");
    }
}
