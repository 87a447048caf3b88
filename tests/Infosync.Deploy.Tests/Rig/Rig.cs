using System.Text.Json;

namespace Infosync.Deploy.Tests.Rig;

/// <summary>The running test rig (tests/rig/up.sh): registry, sshd, Docker engine, deploy directories.</summary>
public sealed class Rig
{
    private readonly Dictionary<string, string> values;

    private Rig(Dictionary<string, string> values) => this.values = values;

    public static string RepositoryRoot { get; } = FindRoot();

    public string this[string key] => values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"rig.json has no {key}");

    public string HarborHost => this["HARBOR_HOST"];

    public string HarborPassword => this["HARBOR_PASSWORD"];

    public string SshPassword => this["SSH_PASSWORD"];

    public string Repository => $"{HarborHost}/{this["HARBOR_PROJECT"]}/{this["IMAGE_NAME"]}";

    public static Rig Load()
    {
        var directory = Environment.GetEnvironmentVariable("INFOSYNC_RIG_DIR") ?? "/var/lib/infosync-rig";
        var path = Path.Combine(directory, "rig.json");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The test rig is not up ({path} is missing): run tests/rig/up.sh as root first.");
        }

        return new Rig(JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!);
    }

    public string DeployDirectory(string environment) => this[$"RIG_DEPLOY_DIR_{environment.ToUpperInvariant()}"];

    public int WebPort(string environment) => int.Parse(this[$"RIG_WEB_PORT_{environment.ToUpperInvariant()}"], System.Globalization.CultureInfo.InvariantCulture);

    public int SidecarPort(string environment) => int.Parse(this[$"RIG_SIDECAR_PORT_{environment.ToUpperInvariant()}"], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The Unix user a server of <paramref name="kind"/> is reached as.</summary>
    public string SshUser(ComposeKind kind) => kind == ComposeKind.V1 ? this["RIG_SSH_USERNAME_V1"] : this["SSH_USERNAME"];

    /// <summary>The variables a GitLab project would set to deploy to the rig, as a server of <paramref name="kind"/>.</summary>
    public Dictionary<string, string> DeployVariables(ComposeKind kind)
    {
        var variables = DeployVariables();
        variables["SSH_USERNAME"] = SshUser(kind);
        return variables;
    }

    /// <summary>The variables a GitLab project would set to deploy to the rig.</summary>
    public Dictionary<string, string> DeployVariables() => new()
    {
        ["HARBOR_HOST"] = HarborHost,
        ["HARBOR_USERNAME"] = this["HARBOR_USERNAME"],
        ["HARBOR_PASSWORD"] = HarborPassword,
        ["HARBOR_PROJECT"] = this["HARBOR_PROJECT"],
        ["IMAGE_NAME"] = this["IMAGE_NAME"],
        ["SSH_HOST"] = this["SSH_HOST"],
        ["SSH_PORT"] = this["SSH_PORT"],
        ["SSH_USERNAME"] = this["SSH_USERNAME"],
        ["SSH_PASSWORD"] = SshPassword,
        ["SSH_KNOWN_HOSTS"] = this["SSH_KNOWN_HOSTS"],
        ["BUILD_CONTEXT"] = Path.Combine(RepositoryRoot, "example-app"),
        ["HEALTH_SETTLE"] = "1",
    };

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "build.sh")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("build.sh not found above the test directory.");
    }
}
