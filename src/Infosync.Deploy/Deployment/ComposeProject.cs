using Infosync.Deploy.Catalogue;
using Infosync.Deploy.Compose;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// A deploy directory's Compose project as read from the server: the Compose that runs it, its compose files in merge
/// order, <c>.env</c>, and the project name Compose gives its containers (null when Compose would refuse the name).
/// </summary>
/// <param name="Directory">The deploy directory as the settings give it (what Compose v2 records).</param>
/// <param name="PhysicalDirectory">The same with symbolic links resolved (what Compose v1 records).</param>
/// <param name="Cli">The server's Compose.</param>
/// <param name="Files">The compose files Compose reads there, in merge order.</param>
/// <param name="Env">The <c>.env</c> file, or null when there is none.</param>
/// <param name="ExplicitFiles">Whether the files come from the tool's setting, so Compose must be told them.</param>
/// <param name="ProjectName">The project name, or null.</param>
public sealed record ComposeProject(
    string Directory,
    string PhysicalDirectory,
    ComposeCli Cli,
    IReadOnlyList<ServerFile> Files,
    ServerFile? Env,
    bool ExplicitFiles,
    string? ProjectName)
{
    /// <summary>A project the host could not be asked about (a plan without a connection): nothing is known of it.</summary>
    public static ComposeProject Unread(string directory) => new(directory, directory, ComposeCli.Unknown, [], null, false, null);

    /// <summary>Whether the project was read from the server.</summary>
    public bool IsRead => Cli != ComposeCli.Unknown;

    /// <summary>The path <c>.env</c> has or would have.</summary>
    public string EnvPath => $"{Directory}/.env";

    /// <summary>The compose files as the editor reads them.</summary>
    public IReadOnlyList<ComposeSource> Sources => [.. Files.Select(file => new ComposeSource(file.Name, file.Text))];

    /// <summary>The files' names, as output names them.</summary>
    public string FileNames => string.Join(", ", Files.Select(file => file.Name));

    /// <summary>Each service's effective image.</summary>
    public IReadOnlyList<ServiceImage> Images => ProjectImages.Read(Sources, Env?.Text);

    /// <summary>The directories a container of this project may record as its working directory.</summary>
    public IReadOnlyList<string> WorkingDirectories => Directory == PhysicalDirectory ? [Directory] : [Directory, PhysicalDirectory];

    /// <summary>The <c>--file</c> list to give Compose: the files when the tool chose them, else none.</summary>
    public IReadOnlyList<string>? FileArguments => ExplicitFiles ? [.. Files.Select(file => file.Name)] : null;
}
