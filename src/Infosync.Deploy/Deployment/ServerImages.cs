using Cake.Core.Diagnostics;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Compose;
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

        var result = await host.RunAsync(ServerDocker.Login(registry), cancellationToken);
        Check(result, $"docker login to {registry.Host} as {registry.Username} on {host.Name}");
    }

    /// <summary>Pulls each image; the running containers are not touched.</summary>
    public async Task PullAsync(IEnumerable<string> images, CancellationToken cancellationToken)
    {
        foreach (var image in images)
        {
            log.Information("Pulling {0} on {1}", image, host.Name);
            Check(await host.RunAsync(ServerDocker.Pull(image), cancellationToken), $"docker pull {image} on {host.Name}");
        }

        // A pull returns while the layers it unpacked are still being written back; a stop and start right then wait
        // behind that I/O, which made the switch-over (the only downtime) grow with the image's size. Flushing first,
        // while the old container still serves, keeps the switch-over as short as a plain restart.
        var flushed = await host.RunAsync(ServerDocker.Sync, cancellationToken);
        if (!flushed.Succeeded)
        {
            log.Verbose("sync on {0} failed ({1}); going on.", host.Name, flushed.Tail());
        }
    }

    /// <summary><paramref name="image"/> with its repository digest, when the server knows it.</summary>
    public async Task<string> WithDigestAsync(string image)
    {
        if (!ImageReference.TryParse(image, out var reference) || reference.Digest is not null)
        {
            return image;
        }

        var result = await host.RunAsync(ServerDocker.Digests(image), CancellationToken.None);
        var digest = result.StandardOutput.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => ImageReference.TryParse(text, out var repoDigest) ? repoDigest : null)
            .FirstOrDefault(d => d?.Digest is not null && d.HasRepository(reference))?.Digest;
        return digest is null ? image : $"{image}@{digest}";
    }

    /// <summary>
    /// Removes this environment's older images: of the tags its history shows deployed, all but the newest
    /// <see cref="Kept"/>, never <paramref name="protectedTags"/>. Images the history does not name, such as another
    /// environment's on a shared engine, are left alone, and Docker refuses to remove an image a container uses.
    /// </summary>
    public async Task PruneAsync(IReadOnlyList<HistoryEntry> history, IReadOnlyCollection<string> protectedTags)
    {
        ArgumentNullException.ThrowIfNull(history);
        var deployedNewestFirst = history.Where(e => e.Result == HistoryEntry.Succeeded)
            .Select(e => DeployHistory.TagOf(e.To)).OfType<string>().Reverse().Distinct().ToList();
        var candidates = deployedNewestFirst.Skip(Kept).Where(t => !protectedTags.Contains(t)).ToHashSet(StringComparer.Ordinal);
        if (candidates.Count == 0 || host.IsPlan)
        {
            return;
        }

        var listed = await host.RunAsync(ServerDocker.ListTags(registry.Repository), CancellationToken.None);
        var stale = listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(candidates.Contains).Distinct().Select(t => $"{registry.Repository}:{t}").ToList();
        if (stale.Count > 0)
        {
            log.Information("Pruning {0} old image(s) on {1}: {2}", stale.Count, host.Name, string.Join(", ", stale));
            await host.RunAsync(ServerDocker.RemoveImages(stale), CancellationToken.None);
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
