using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// Finds and inspects the containers of a project's services on its server, by Compose's labels, leaving out the
/// <paramref name="excluded"/> ones (the old containers, while new ones start beside them).
/// </summary>
public sealed class ServiceContainers(IRemoteHost host, IReadOnlyList<string> workingDirectories, IReadOnlySet<string>? excluded = null)
{
    /// <summary>The host the containers run on.</summary>
    public IRemoteHost Host => host;

    /// <summary>The ids of <paramref name="service"/>'s containers; null when Docker could not be asked.</summary>
    public async Task<IReadOnlyList<string>?> IdsAsync(string service, CancellationToken cancellationToken)
    {
        var found = await host.RunAsync(ContainerCommands.ContainerIds(workingDirectories, service), cancellationToken);
        return found.Succeeded
            ? [.. found.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.Ordinal).Where(id => excluded?.Contains(id) != true)]
            : null;
    }

    /// <summary>The same containers without <paramref name="ids"/>.</summary>
    public ServiceContainers Except(IEnumerable<string> ids) =>
        new(host, workingDirectories, new HashSet<string>([.. excluded ?? Enumerable.Empty<string>(), .. ids], StringComparer.Ordinal));

    /// <summary>The state of each container; empty when they could not be inspected.</summary>
    public async Task<IReadOnlyList<ContainerState>> InspectAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var inspected = await host.RunAsync(ContainerCommands.Inspect(ids), cancellationToken);
        return inspected.Succeeded ? ContainerState.ParseInspect(inspected.StandardOutput) : [];
    }

    /// <summary>The state of each of <paramref name="service"/>'s containers.</summary>
    public async Task<IReadOnlyList<ContainerState>> OfAsync(string service, CancellationToken cancellationToken) =>
        await InspectAsync(await IdsAsync(service, cancellationToken) ?? [], cancellationToken);
}
