namespace Infosync.Deploy.Tests.Rig;

/// <summary>A deploy directory whose name holds quotes, dollars, semicolons and backticks, with its own small stack.</summary>
public static class HostileDirectory
{
    public const int Port = 18099;

    public static async Task CreateAsync(string directory, string image, bool recreateDirectory = true)
    {
        if (recreateDirectory)
        {
            await RemoveAsync(directory);
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "docker-compose.yml"),
            $"services:\n  web:\n    image: {image}\n    ports:\n      - \"127.0.0.1:{Port}:8080\"\n");
        await Run("chown", "-R", "deployer:deployer", directory);
    }

    public static async Task<string> PageAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        return await client.GetStringAsync(new Uri($"http://127.0.0.1:{Port}/"));
    }

    public static async Task RemoveAsync(string directory, bool removeDirectory = true)
    {
        if (File.Exists(Path.Combine(directory, "docker-compose.yml")))
        {
            await Run("docker-compose", "--file", Path.Combine(directory, "docker-compose.yml"), "down");
        }

        if (removeDirectory && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task Run(string program, params string[] arguments)
    {
        var run = await ProcessRun.StartAsync(program, arguments);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {run.Output}");
        }
    }
}
