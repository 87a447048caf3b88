namespace Infosync.Deploy.Deployment;

/// <summary>
/// Where the health gate fetches the health URL. A URL whose host is the name of a service being checked (as the
/// proxy would reach it, <c>http://web:8080/health</c>) is fetched from each of that service's containers at its
/// address on the compose network, so a new container answers for itself even while an old one is still behind the
/// proxy. Any other URL is fetched as written, from the server.
/// </summary>
public static class HealthUrls
{
    /// <summary>Each fetch to make: the URL, and how output names where it went.</summary>
    public static IReadOnlyList<(string Url, string Shown)> For(string url, IReadOnlyList<ContainerState> containers)
    {
        ArgumentNullException.ThrowIfNull(containers);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return [(url, url)];
        }

        var named = containers.Where(state => string.Equals(state.Service, uri.Host, StringComparison.OrdinalIgnoreCase)).ToList();
        if (named.Count == 0)
        {
            return [(url, url)];
        }

        return [.. named.Select(state => state.Addresses.Count == 0
            ? (url, $"{url} of {state.DisplayName} (no address on any network)")
            : (new UriBuilder(uri) { Host = state.Addresses[0] }.Uri.AbsoluteUri, $"{url} of {state.DisplayName} ({state.Addresses[0]})"))];
    }
}
