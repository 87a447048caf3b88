namespace Infosync.Deploy.Compose;

/// <summary>
/// What to change in a compose file: every service whose image is <paramref name="Repository"/> gets
/// <paramref name="NewTag"/>, and any digest it had is dropped.
/// </summary>
/// <param name="ComposeText">The compose file's text exactly as read.</param>
/// <param name="EnvText">The text of the <c>.env</c> file beside it, or null when there is none.</param>
/// <param name="Repository">The image repository, <c>host[:port]/project/name</c>.</param>
/// <param name="NewTag">The tag to set, following Docker's tag grammar.</param>
/// <param name="ComposeFileName">The compose file's name, used in error messages.</param>
/// <param name="EnvFileName">The <c>.env</c> file's name, used in error messages.</param>
/// <param name="Services">Only these services are changed, when given; the others keep their images.</param>
public sealed record ComposeEditRequest(
    string ComposeText,
    string? EnvText,
    string Repository,
    string NewTag,
    string ComposeFileName = "docker-compose.yml",
    string EnvFileName = ".env",
    IReadOnlySet<string>? Services = null);
