using Cake.Core.Diagnostics;
using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Images;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Deployment;

/// <summary>The server's side of the registry: logging in, pulling, naming digests, pruning old images.</summary>
public sealed class ServerImages(IRemoteHost host, RegistrySettings registry, ICakeLog log, Redactor redactor)
{
    /// <summary>How many of the repository's images a server keeps after a successful deploy.</summary>
    public const int Kept = 5;

    /// <summary>Logs the server's Docker into the registry when credentials are set.</summary>
    public async Task LoginAsync(CancellationToken cancellationToken)
    {
        if (!registry.HasCredentials)
        {
            log.Verbose("No registry credentials set: using the server's existing Docker login.");
            return;
        }

        var result = await host.RunAsync(ImageCommands.ServerLogin(registry), cancellationToken);
        Check(result, $"docker login to {registry.Host} as {registry.Username} on {host.Name}");
    }

    /// <summary>
    /// Gets each image onto the server while the running containers are not touched: by pulling it, or, for a
    /// rollback to an image the history recorded, by naming the local image of that id (or the pulled digest) with it,
    /// which brings back the very image that ran even when its tag has moved since.
    /// </summary>
    public async Task ObtainAsync(IEnumerable<string> images, RollbackPoint? exact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        foreach (var image in images)
        {
            if (exact?.ImageId is { } id && (await host.RunAsync(ImageCommands.ImageId(id), cancellationToken)).Succeeded)
            {
                log.Information("Using the image {0} that ran before as {1} on {2}", RollbackPoint.ShortId(id), image, host.Name);
                Check(await host.RunAsync(ImageCommands.Tag(id, image), cancellationToken), $"docker tag {RollbackPoint.ShortId(id)} {image} on {host.Name}");
                continue;
            }

            var source = exact?.Digest is { } digest ? $"{registry.Repository}@{digest}" : image;
            log.Information("Pulling {0} on {1}", source, host.Name);
            Check(await host.RunAsync(ImageCommands.Pull(source), cancellationToken), $"docker pull {source} on {host.Name}");
            if (source != image)
            {
                Check(await host.RunAsync(ImageCommands.Tag(source, image), cancellationToken), $"docker tag {source} {image} on {host.Name}");
            }
        }

        // A pull returns while the layers it unpacked are still being written back; a stop and start right then wait
        // behind that I/O, which made the switch-over (the only downtime) grow with the image's size. Flushing first,
        // while the old container still serves, keeps the switch-over as short as a plain restart.
        var flushed = await host.RunAsync(ImageCommands.Sync, cancellationToken);
        if (!flushed.Succeeded)
        {
            log.Verbose("sync on {0} failed ({1}); going on.", host.Name, flushed.Tail());
        }
    }

    /// <summary><paramref name="image"/> with the repository digest of the local image <paramref name="imageId"/> (or of the reference), when known.</summary>
    public async Task<string> WithDigestAsync(string image, string? imageId = null)
    {
        if (!ImageReference.TryParse(image, out var reference) || reference.Digest is not null)
        {
            return image;
        }

        var result = await host.RunAsync(ImageCommands.Digests(imageId ?? image), CancellationToken.None);
        var digest = result.StandardOutput.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => ImageReference.TryParse(text, out var repoDigest) ? repoDigest : null)
            .FirstOrDefault(d => d?.Digest is not null && d.HasRepository(reference))?.Digest;
        return digest is null ? image : $"{image}@{digest}";
    }

    /// <summary>The id of the local image <paramref name="image"/>, or null.</summary>
    public async Task<string?> ImageIdAsync(string image)
    {
        var result = await host.RunAsync(ImageCommands.ImageId(image), CancellationToken.None);
        return result.Succeeded && result.StandardOutput.Trim() is { Length: > 0 } id ? id : null;
    }

    /// <summary>
    /// Removes this environment's older images: of the tags its history shows deployed, all but the newest
    /// <see cref="Kept"/>, never <paramref name="protectedTags"/>. Images the history does not name, such as another
    /// environment's on a shared engine, are left alone, and Docker refuses to remove an image a container uses.
    /// </summary>
    public async Task PruneAsync(IReadOnlyList<HistoryEntry> history, IReadOnlyCollection<string> protectedTags)
    {
        ArgumentNullException.ThrowIfNull(history);
        var deployedNewestFirst = history.Where(e => e.Is(DeployOutcome.Succeeded))
            .Select(e => DeployHistory.TagOf(e.To)).OfType<string>().Reverse().Distinct().ToList();
        var candidates = deployedNewestFirst.Skip(Kept).Where(t => !protectedTags.Contains(t)).ToHashSet(StringComparer.Ordinal);
        if (candidates.Count == 0)
        {
            return;
        }

        var listed = await host.RunAsync(ImageCommands.ListTags(registry.Repository), CancellationToken.None);
        var stale = listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(candidates.Contains).Distinct().Select(t => $"{registry.Repository}:{t}").ToList();
        if (stale.Count > 0)
        {
            log.Information("Pruning {0} old image(s) on {1}: {2}", stale.Count, host.Name, string.Join(", ", stale));
            await host.RunAsync(ImageCommands.RemoveImages(stale), CancellationToken.None);
        }
    }

    private void Check(CommandResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new CommandFailedException(redactor.Redact($"{what} failed (exit code {result.ExitCode}): {result.Tail()}"));
        }
    }
}
