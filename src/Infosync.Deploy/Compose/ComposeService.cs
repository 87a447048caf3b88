namespace Infosync.Deploy.Compose;

/// <summary>A service of the compose file and its image, direct or taken from a merged anchor.</summary>
/// <param name="Name">The service's name.</param>
/// <param name="Line">The 1-based line of the service's key.</param>
/// <param name="Image">The image, or null when the service has none (it is built, for instance).</param>
internal sealed record ComposeService(string Name, int Line, ImageValue? Image);
