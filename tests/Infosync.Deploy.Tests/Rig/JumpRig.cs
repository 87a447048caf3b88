using System.Text.Json;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Tests.Rig;

/// <summary>
/// The jump-host part of the rig (tests/rig/jump-up.sh): a target sshd that only a jump host's channel reaches, in a
/// network namespace whose jump sshd this machine does reach. Both log in the rig's deployer and drive its Docker.
/// </summary>
public sealed class JumpRig(Rig rig, IReadOnlyDictionary<string, string> values)
{
    public string this[string key] => values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"jump.json has no {key}");

    public string JumpHost => this["RIG_JUMP_HOST"];

    public int JumpPort => int.Parse(this["RIG_JUMP_PORT"], System.Globalization.CultureInfo.InvariantCulture);

    public string TargetHost => this["RIG_JUMP_TARGET_HOST"];

    public int TargetPort => int.Parse(this["RIG_JUMP_TARGET_PORT"], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The rig's own known_hosts plus the jump host's and the target's keys.</summary>
    public string KnownHosts => this["RIG_JUMP_KNOWN_HOSTS"];

    public static async Task<JumpRig> UpAsync(Rig rig)
    {
        var run = await ProcessRun.StartAsync(Path.Combine(Rig.RepositoryRoot, "tests", "rig", "jump-up.sh"), []);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("jump-up.sh failed: " + run.Output);
        }

        var path = Path.Combine(rig["RIG_DIR"], "jump", "jump.json");
        return new JumpRig(rig, JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(path))!);
    }

    public static async Task DownAsync()
    {
        var run = await ProcessRun.StartAsync(Path.Combine(Rig.RepositoryRoot, "tests", "rig", "jump-down.sh"), []);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("jump-down.sh failed: " + run.Output);
        }
    }

    /// <summary>The variables of a deploy to the target through the jump host, with the rig's password for both.</summary>
    public Dictionary<string, string> DeployVariables()
    {
        var variables = rig.DeployVariables();
        variables["SSH_HOST"] = TargetHost;
        variables["SSH_PORT"] = TargetPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        variables["SSH_KNOWN_HOSTS"] = KnownHosts;
        variables["SSH_PROXY_JUMP"] = $"{rig["SSH_USERNAME"]}@{JumpHost}:{JumpPort}";
        return variables;
    }

    /// <summary>SSH settings for the target through <paramref name="hops"/> (default: the jump host), with the rig's password.</summary>
    public SshSettings Settings(IReadOnlyList<SshHop>? hops = null, Secret? jumpPassword = null, int? targetPort = null) =>
        RigSsh.Settings(rig) with
        {
            Host = TargetHost,
            Port = targetPort ?? TargetPort,
            KnownHosts = new KnownHostsSource(KnownHosts, null),
            ProxyJump = new ProxyJump(hops ?? [Jump], jumpPassword, null),
        };

    /// <summary>The jump host as a hop, logging in as the rig's deployer.</summary>
    public SshHop Jump => new(rig["SSH_USERNAME"], JumpHost, JumpPort);

    /// <summary>The "Accepted … for deployer from ADDRESS port N" lines of one of the namespace's sshds after a mark.</summary>
    public IReadOnlyList<string> LoginsSince(string log, int mark) =>
        [.. File.ReadLines(this[log]).Skip(mark).Where(line => line.StartsWith("Accepted ", StringComparison.Ordinal))];

    public int LogMark(string log) => File.ReadLines(this[log]).Count();
}
