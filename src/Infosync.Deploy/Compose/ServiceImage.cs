namespace Infosync.Deploy.Compose;

/// <summary>A service's image as the compose file and its <c>.env</c> file define it.</summary>
/// <param name="Service">The service's name.</param>
/// <param name="Reference">The image reference with <c>${VAR}</c> and <c>${VAR:-default}</c> resolved.</param>
/// <param name="Line">The 1-based line of the image in the compose file.</param>
/// <param name="File">The compose file the image is set in.</param>
public sealed record ServiceImage(string Service, string Reference, int Line, string File = "docker-compose.yml");
