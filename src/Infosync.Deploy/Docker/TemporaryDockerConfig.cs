namespace Infosync.Deploy.Docker;

/// <summary>
/// A Docker client configuration directory that lives only for one push, so the registry credentials that
/// <c>docker login</c> stores are gone when the task ends instead of staying in the runner's home directory.
/// </summary>
public sealed class TemporaryDockerConfig : IDisposable
{
    private TemporaryDockerConfig(string path) => Path = path;

    /// <summary>The directory passed to <c>docker --config</c>.</summary>
    public string Path { get; }

    /// <summary>Creates the directory, readable by the current user only.</summary>
    public static TemporaryDockerConfig Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "infosync-docker-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new TemporaryDockerConfig(path);
    }

    /// <summary>Deletes the directory and the credentials in it.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
