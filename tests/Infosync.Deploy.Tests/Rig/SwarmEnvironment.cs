using Xunit;

namespace Infosync.Deploy.Tests.Rig;

/// <summary>
/// The swarm tests' dev environment on the manager: a deploy directory with a compose file whose web service runs 3
/// replicas on a host-mode port, a <c>.env</c> holding <see cref="Secret"/>, and the stack started by hand at a tag.
/// </summary>
public sealed class SwarmEnvironment(Rig rig, SwarmRig swarm)
{
    public const string Directory = "/usr/local/infosync-swarm";
    public const string Secret = "swarm-canary-7d41e2";
    public const string Name = "infosync-dev";
    private const int Port = 18200;

    public string ComposePath => Path.Combine(Directory, "docker-compose.yml");

    public bool LockExists => System.IO.Directory.Exists(Path.Combine(Directory, ".deploy", "lock"));

    public string[] History() => File.ReadAllLines(Path.Combine(Directory, ".deploy", "history.jsonl"));

    /// <summary>The variables that deploy this stack with the tool.</summary>
    public Dictionary<string, string> DeployVariables() => swarm.DeployVariables(rig, Directory);

    /// <summary>The stack as an operator would have started it by hand: the same services as the compose file, at <paramref name="tag"/>.</summary>
    public async Task StartAsync(string tag)
    {
        var user = rig.SshUser(ComposeKind.V2);
        System.IO.Directory.CreateDirectory(Directory);
        await ProcessRun.StartAsync("chown", [$"{user}:{user}", Directory]);
        foreach (var entry in new DirectoryInfo(Directory).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory) { directory.Delete(recursive: true); } else { entry.Delete(); }
        }

        await WriteOwnedAsync(user, ".env", $"DB_PASSWORD={Secret}\n");
        await WriteOwnedAsync(user, "docker-compose.yml", Compose($"{rig.Repository}:{tag}", "${DB_PASSWORD}"));
        var stackFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(stackFile, "version: \"3.8\"\n" + Compose($"{rig.Repository}:{tag}", Secret));
        var deployed = await swarm.DockerAsync("stack", "deploy", "--with-registry-auth", "-c", stackFile, Name);
        File.Delete(stackFile);
        Assert.True(deployed.ExitCode == 0, deployed.Output);
        for (var attempt = 0; attempt < 120 && !(await VersionsAsync()).All(version => version == tag); attempt++)
        {
            await Task.Delay(500);
        }

        Assert.Equal([tag, tag, tag], await VersionsAsync());
    }

    public Task RemoveAsync() => swarm.DockerAsync("stack", "rm", Name);

    /// <summary>What each node's task answers on the host-mode port: the version, or "down".</summary>
    public async Task<string[]> VersionsAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var versions = new List<string>();
        foreach (var address in swarm.NodeAddresses)
        {
            try
            {
                var page = await client.GetStringAsync(new Uri($"http://{address}:{Port}/"));
                var start = page.IndexOf("version: ", StringComparison.Ordinal) + "version: ".Length;
                versions.Add(start < "version: ".Length ? "?" : page[start..page.IndexOf('<', start)]);
            }
            catch (HttpRequestException)
            {
                versions.Add("down");
            }
            catch (TaskCanceledException)
            {
                versions.Add("down");
            }
        }

        return [.. versions];
    }

    private static async Task WriteOwnedAsync(string user, string name, string text)
    {
        await File.WriteAllTextAsync(Path.Combine(Directory, name), text);
        await ProcessRun.StartAsync("chown", [$"{user}:{user}", Path.Combine(Directory, name)]);
    }

    private static string Compose(string image, string password) => $"""
        services:
          web:
            image: {image}
            environment:
              DB_PASSWORD: "{password}"
            healthcheck:
              test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/cgi-bin/health"]
              interval: 1s
              timeout: 3s
              retries: 3
            ports:
              - target: 8080
                published: {Port}
                mode: host
            deploy:
              replicas: 3
              update_config:
                parallelism: 1
                order: stop-first
                failure_action: rollback
                monitor: 5s
              rollback_config:
                parallelism: 0
                order: stop-first
        """;
}
