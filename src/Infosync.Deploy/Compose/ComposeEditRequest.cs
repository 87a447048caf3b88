namespace Infosync.Deploy.Compose;

/// <summary>The texts of a compose file and its <c>.env</c> (null when absent), and the tag every image of a repository gets.</summary>
public sealed record ComposeEditRequest(
    string ComposeText,
    string? EnvText,
    string Repository,
    string NewTag,
    string? NewDigest = null,
    string ComposeFileName = "docker-compose.yml",
    string EnvFileName = ".env");
