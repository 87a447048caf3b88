namespace Infosync.Deploy.Tests.Rig;

/// <summary>The three-node swarm rig (tests/rig/swarm-up.sh) while a test uses it: its values, and commands on its manager's engine.</summary>
public sealed class SwarmRig
{
    private readonly Dictionary<string, string> values;

    private SwarmRig(Dictionary<string, string> values) => this.values = values;

    public string this[string key] => values[key];

    public IReadOnlyList<string> NodeAddresses => this["RIG_SWARM_NODE_ADDRS"].Split(',');

    public static async Task<SwarmRig> UpAsync()
    {
        await ScriptAsync("swarm-up.sh");
        var lines = await File.ReadAllLinesAsync("/var/lib/infosync-rig/swarm.env");
        return new SwarmRig(lines.Where(line => line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('#'))
            .ToDictionary(line => line[..line.IndexOf('=', StringComparison.Ordinal)], line => line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..]));
    }

    public static Task DownAsync() => ScriptAsync("swarm-down.sh");

    /// <summary>Runs <c>docker</c> against the manager's engine as root, logged in to the registry as the rig's scripts are.</summary>
    public Task<ProcessRun> DockerAsync(params string[] arguments) =>
        ProcessRun.StartAsync("env", [$"DOCKER_HOST=unix://{this["RIG_SWARM_MANAGER_SOCKET"]}", "DOCKER_CONFIG=/var/lib/infosync-rig/docker-config",
            "docker", .. arguments], timeout: TimeSpan.FromMinutes(3));

    /// <summary>The variables that deploy the rig's dev environment to this swarm's manager, as the rig's deployer user.</summary>
    public Dictionary<string, string> DeployVariables(Rig rig, string directory)
    {
        var variables = rig.DeployVariables();
        variables["SSH_HOST"] = this["RIG_SWARM_MANAGER_HOST"];
        variables["SSH_PORT"] = this["RIG_SWARM_SSH_PORT"];
        variables["SSH_KNOWN_HOSTS"] = this["RIG_SWARM_KNOWN_HOSTS"];
        variables["DEV_DEPLOY_DIR"] = directory;
        variables["DEV_ORCHESTRATOR"] = "swarm";
        variables["HEALTH_TIMEOUT"] = "150";
        return variables;
    }

    private static async Task ScriptAsync(string name)
    {
        var run = await ProcessRun.StartAsync(Path.Combine(Rig.RepositoryRoot, "tests", "rig", name), []);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} failed: {run.Output}");
        }
    }
}
