using System.Text;
using System.Text.Json;

namespace Infosync.Deploy.Tests.Rig;

/// <summary>The CI/CD variables a GitLab project would hold for the rig, in a file readable only by root.</summary>
public sealed class GitLabVariables : IDisposable
{
    private GitLabVariables(string path) => Path = path;

    /// <summary>The file's path relative to the repository, as gitlab-ci-local's --variables-file wants it.</summary>
    public string Path { get; }

    public static GitLabVariables Write(Rig rig)
    {
        var variables = rig.DeployVariables();
        variables.Remove("BUILD_CONTEXT");
        variables["BUILD_CONTEXT"] = "example-app";
        var yaml = new StringBuilder();
        foreach (var (name, value) in variables)
        {
            // A JSON string is a valid YAML double-quoted scalar, so hostile passwords stay exact.
            yaml.Append(name).Append(": ").Append(JsonSerializer.Serialize(Unexpanded(value))).Append('\n');
        }

        var relative = $".gitlab-ci-local/variables-{Guid.NewGuid():N}.yml";
        var path = System.IO.Path.Combine(Rig.RepositoryRoot, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using (File.Create(path, 4096, FileOptions.None))
        {
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(path, yaml.ToString());
        return new GitLabVariables(relative);
    }

    /// <summary>
    /// In GitLab these variables are stored with "Expand variable reference" unticked, so robot$infosync+ci keeps its
    /// "$infosync". gitlab-ci-local 4.72.0's variables file has no such flag: it expands every value, and "$$" is its
    /// escape for one "$" (the rewrite it applies itself to a .gitlab-ci.yml variable marked <c>expand: false</c>).
    /// </summary>
    private static string Unexpanded(string value) => value.Replace("$", "$$", StringComparison.Ordinal);

    public void Dispose() => File.Delete(System.IO.Path.Combine(Rig.RepositoryRoot, Path));
}
