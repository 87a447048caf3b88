using System.Globalization;

namespace Infosync.Deploy.Tests.Rig;

/// <summary>
/// A deploy directory of the rig laid out by a test: its files written as the server's user would have them, and the
/// stack started with that server's Compose, as an operator sets a server up by hand.
/// </summary>
public sealed class RigProject(Rig rig, string environment, ComposeKind kind)
{
    public string Directory => rig.DeployDirectory(environment);

    public string User => rig.SshUser(kind);

    public int WebPort => rig.WebPort(environment);

    public string Image(string tag) => $"{rig.Repository}:{tag}";

    /// <summary>Stops the directory's containers and empties it, as reset-env.sh does, keeping the directory.</summary>
    public async Task ClearAsync()
    {
        var project = Path.GetFileName(Directory);
        var ids = (await ProcessRun.StartAsync("docker", ["ps", "-aq", "--filter", $"label=com.docker.compose.project.working_dir={Directory}"])).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var byName = (await ProcessRun.StartAsync("docker", ["ps", "-aq", "--filter", $"label=com.docker.compose.project={project}"])).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (ids.Concat(byName).Distinct().ToArray() is { Length: > 0 } all)
        {
            await Check(ProcessRun.StartAsync("docker", ["rm", "-f", .. all]), "docker rm");
        }

        foreach (var entry in new DirectoryInfo(Directory).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }

        await Check(ProcessRun.StartAsync("chown", [$"{User}:{User}", Directory]), "chown");
    }

    /// <summary>Writes a file of the deploy directory, owned by the server's user.</summary>
    public async Task WriteAsync(string name, string text) => await WriteAsync(name, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Writes a file of the deploy directory as exact bytes, owned by the server's user.</summary>
    public async Task WriteAsync(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory, name);
        await File.WriteAllBytesAsync(path, bytes);
        await Check(ProcessRun.StartAsync("chown", [$"{User}:{User}", path]), "chown");
    }

    /// <summary>Runs this server's Compose in the directory as its user, with only PATH and HOME set.</summary>
    public Task<ProcessRun> ComposeAsync(params string[] arguments)
    {
        string[] compose = kind == ComposeKind.V1 ? ["docker-compose"] : ["docker", "compose"];
        return ProcessRun.StartAsync("runuser", ["-u", User, "--", "env", "-i", "-C", Directory, "PATH=/usr/local/bin:/usr/bin:/bin",
            $"HOME=/home/{User}", .. compose, .. arguments], timeout: TimeSpan.FromMinutes(2));
    }

    /// <summary>Starts the stack as the operator would (<c>up -d</c>) and waits until the web port answers.</summary>
    public async Task UpAsync()
    {
        await Check(ComposeAsync("up", "-d"), "compose up -d");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 60; attempt++)
        {
            try
            {
                await client.GetStringAsync(new Uri($"http://127.0.0.1:{WebPort.ToString(CultureInfo.InvariantCulture)}/"));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(500);
            }
        }

        throw new InvalidOperationException($"The stack in {Directory} does not answer on port {WebPort}.");
    }

    /// <summary>The value of <paramref name="variable"/> in the running web container's environment, or null.</summary>
    public async Task<string?> WebEnvironmentAsync(string containerId, string variable)
    {
        var run = await ProcessRun.StartAsync("docker", ["inspect", "--format", "{{range .Config.Env}}{{println .}}{{end}}", containerId]);
        return run.StandardOutput.Split('\n').Select(line => line.Split('=', 2)).FirstOrDefault(pair => pair[0] == variable) is { Length: 2 } found
            ? found[1]
            : null;
    }

    private static async Task Check(Task<ProcessRun> running, string what)
    {
        var run = await running;
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed: {run.Output}");
        }
    }
}
