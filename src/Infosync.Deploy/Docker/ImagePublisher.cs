using Cake.Core.Diagnostics;
using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Images;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Docker;

/// <summary>Builds the app's image and pushes it to the registry, through a runner that may only be planning.</summary>
public sealed class ImagePublisher(ICommandRunner runner, ICakeLog log)
{
    /// <summary>Builds <paramref name="image"/> from <paramref name="build"/>.</summary>
    public void Build(ImageReference image, BuildSettings build)
    {
        log.Information("Building {0}", image);
        runner.Run(ImageCommands.Build(image, build)).EnsureSuccess($"docker build of {image}");
    }

    /// <summary>Logs into the registry with a throw-away client configuration and pushes <paramref name="image"/>.</summary>
    public void Push(ImageReference image, RegistrySettings registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (registry.Username is null || registry.Password is null)
        {
            throw new InvalidOperationException("Pushing needs the registry credentials.");
        }

        using var config = TemporaryDockerConfig.Create();
        log.Information("Logging into {0} as {1}", registry.Host, registry.Username);
        runner.Run(ImageCommands.Login(registry.Host, registry.Username, registry.Password, config.Path), captureOutput: true)
            .EnsureSuccess($"docker login to {registry.Host} as {registry.Username}");
        log.Information("Pushing {0}", image);
        runner.Run(ImageCommands.Push(image, config.Path)).EnsureSuccess($"docker push of {image}");
    }
}
