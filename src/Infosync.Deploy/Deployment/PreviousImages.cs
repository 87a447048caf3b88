using System.Security.Cryptography;
using System.Text;
using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Images;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// The images the changed services ran before the deploy. Each is pinned with a local tag of the tool's own before the
/// pull, so that when the tag is reused (<c>latest</c>, a branch name) and the pull moves it to a new image, the old
/// one is still there, by id: a failed deploy points the tag back at it before bringing it up again.
/// </summary>
internal sealed class PreviousImages(DeployRun run, ComposeProject project)
{
    private readonly IRemoteHost host = run.Host;
    private readonly ServiceContainers containers = run.Containers(project);

    /// <summary>Reads what each service of <paramref name="change"/> runs, and pins it.</summary>
    public async Task<IReadOnlyList<RunningImage>> CaptureAndPinAsync(ComposeChange change, CancellationToken cancellationToken)
    {
        var previous = await CaptureAsync(change, cancellationToken);
        await PinAsync(previous, cancellationToken);
        return previous;
    }

    /// <summary>
    /// Reads what each service of <paramref name="change"/> runs. Refuses when its containers belong to another Compose
    /// project than the one Compose will use now (a server moved from v1 to v2, a renamed directory): deploying would
    /// start a second copy of the app beside them.
    /// </summary>
    private async Task<IReadOnlyList<RunningImage>> CaptureAsync(ComposeChange change, CancellationToken cancellationToken)
    {
        if (change.Services.Count == 0)
        {
            return [];
        }

        if (project.ProjectName is null)
        {
            throw new DeployException($"{project.Cli.Display} would refuse the project name of {project.Directory} " +
                "(COMPOSE_PROJECT_NAME must be lowercase letters, digits, '-' and '_', starting with a letter or digit).");
        }

        var references = project.Images.ToDictionary(image => image.Service, image => image.Reference, StringComparer.Ordinal);
        var running = new List<RunningImage>();
        foreach (var service in change.Services)
        {
            var states = await containers.OfAsync(service, cancellationToken);
            var foreign = states.FirstOrDefault(state => state.Project is not null && state.Project != project.ProjectName);
            if (foreign is not null)
            {
                throw new DeployException(Foreign(project, service, foreign));
            }

            var current = states.FirstOrDefault(state => state.Running) ?? (states.Count > 0 ? states[0] : null);
            if (current is not null && current.ImageId.Length > 0)
            {
                running.Add(new RunningImage(service, references[service], current.ImageId));
            }
        }

        return running;
    }

    /// <summary>Tags each previous image <c>REPOSITORY:infosync-previous-ENV-SERVICE</c>, so it outlives a moved tag.</summary>
    private async Task PinAsync(IReadOnlyList<RunningImage> images, CancellationToken cancellationToken)
    {
        foreach (var image in images)
        {
            (await host.RunAsync(ImageCommands.Tag(image.ImageId, $"{run.Registry.Repository}:{PinTag(image.Service)}"), cancellationToken))
                .EnsureSuccess($"Pinning the image {image.Service} runs ({RollbackPoint.ShortId(image.ImageId)}) on {host.Name}");
        }
    }

    /// <summary>Points each service's old reference at the image it ran, in case the pull moved the tag.</summary>
    public async Task PutBackAsync(IReadOnlyList<RunningImage> images)
    {
        foreach (var image in images.Where(i => ImageReference.TryParse(i.Reference, out var r) && r.Digest is null))
        {
            (await host.RunAsync(ImageCommands.Tag(image.ImageId, image.Reference), CancellationToken.None))
                .EnsureSuccess($"Pointing {image.Reference} back at {RollbackPoint.ShortId(image.ImageId)} on {host.Name}");
        }
    }

    /// <summary>The services whose containers do not run the image they ran before, described; empty when all do.</summary>
    public async Task<string> MismatchAsync(IReadOnlyList<RunningImage> images)
    {
        var wrong = new List<string>();
        foreach (var image in images)
        {
            var now = (await containers.OfAsync(image.Service, CancellationToken.None)).FirstOrDefault(state => state.Running);
            if (now is not null && now.ImageId != image.ImageId)
            {
                wrong.Add($"{image.Service} runs image {RollbackPoint.ShortId(now.ImageId)}, not {RollbackPoint.ShortId(image.ImageId)}");
            }
        }

        return string.Join(", ", wrong);
    }

    private string PinTag(string service)
    {
        var tag = $"infosync-previous-{run.Target.Environment.Name}-{service}";
        return SettingRules.IsDockerTag(tag)
            ? tag
            
            : $"infosync-previous-{run.Target.Environment.Name}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(service)))[..16]}";
    }

    private static string Foreign(ComposeProject project, string service, ContainerState state) =>
        $"The running {service} container {state.DisplayName} belongs to Compose project '{Secrets.InertText.OneLine(state.Project!)}', " +
        $"but {project.Cli.Display} names the project in {project.Directory} '{project.ProjectName}': deploying would start " +
        "a second copy beside it. Nothing was changed. Stop the old containers with the Compose that started them " +
        $"(docker-compose down in {project.Directory}), or set COMPOSE_PROJECT_NAME in .env to the project they belong to.";
}

/// <summary>What a service ran before the deploy: the reference its compose file named, and the local image id.</summary>
public sealed record RunningImage(string Service, string Reference, string ImageId);
