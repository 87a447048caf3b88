using System.Text;
using Cake.Core.Diagnostics;
using Infosync.Deploy.Deployment;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;
using Infosync.Deploy.Tests.Fakes;

namespace Infosync.Deploy.Tests.Deployment;

/// <summary>
/// The standard project on a fake dev server: one compose file (<c>web</c> on REPO:v1 and a <c>sidecar</c>), a
/// <c>.env</c> holding a secret, both containers running; the settings read as the build reads them; a log that keeps
/// what a user would see (the run's log redacts, as the build's does).
/// </summary>
public sealed class StandardDeploy
{
    public const string Repo = "registry.test/infosync/web";
    public const string Directory = "/srv/infosync-dev";
    public const string ComposePath = Directory + "/compose.yaml";
    public const string Secret = "canary-5b1e9d2f";

    public static readonly string V1Id = FakeServer.IdOf(Repo + ":v1");

    /// <summary>The steps of every deploy up to its pull: lock, read, capture and pin what runs, log in.</summary>
    public static readonly string[] UpToPull =
    [
        "keeper", "lock", "detect", "probe", "read .env", "read compose.yaml",
        "containers web", "inspect", "tag REPO:infosync-previous-dev-web", "digests REPO:v1", "login",
    ];

    /// <summary>The steps that put the previous version back after a failed switch, and check it.</summary>
    public static readonly string[] Rollback = ["restore compose.yaml", "tag REPO:v1", "up web", "gate web", "containers web", "inspect"];

    public static readonly byte[] Compose = Encoding.UTF8.GetBytes(ComposeWith("v1"));

    public StandardDeploy()
    {
        var settings = InfosyncSettings.Load(new DictionarySettingSource(new Dictionary<string, string>
        {
            ["harbor-host"] = "registry.test",
            ["harbor-project"] = "infosync",
            ["image-name"] = "web",
            ["harbor-username"] = "ci",
            ["harbor-password"] = "harbor-pw",
            ["ssh-host"] = "dev.test",
            ["ssh-username"] = "deployer",
            ["ssh-password"] = "ssh-pw",
            ["deploy-dir"] = Directory,
            ["lock-wait"] = "0",
        }), new SettingsRequest(TagNeed.None, false, true, true, [DeployEnvironment.Dev]), "/tmp", "/root");
        Target = settings.Targets[DeployEnvironment.Dev];
        Registry = settings.RequireRegistry();
        Origin = settings.Origin;
        Redactor = new Redactor([Registry.Password]);
        Log = new RedactingLog(Screen, Redactor);
        Server.Files[ComposePath] = Compose;
        Server.Files[Directory + "/.env"] = Encoding.UTF8.GetBytes($"DB_PASSWORD={Secret}\n");
        Server.Images[Repo + ":v1"] = V1Id;
        Server.Images["redis:7"] = FakeServer.IdOf("redis:7");
        Server.Containers["web"] = new FakeContainer("web-1", Repo + ":v1", V1Id);
        Server.Containers["sidecar"] = new FakeContainer("sidecar-1", "redis:7", FakeServer.IdOf("redis:7"));
        Host = Server.Connect("first");
    }

    public FakeServer Server { get; } = new(Repo, Directory);

    public FlowHost Host { get; }

    public DeployTarget Target { get; }

    public RegistrySettings Registry { get; }

    public RunOrigin Origin { get; }

    public Redactor Redactor { get; }

    /// <summary>What reached the user's screen, after the run's redaction.</summary>
    public RecordingLog Screen { get; } = new();

    /// <summary>The run's log, through the run's redactor, as the build composes it.</summary>
    public ICakeLog Log { get; }

    public IHealthGate Gate { get; set; } = new ScriptedGate();

    public Func<Task<IRemoteHost>>? Reconnect { get; set; }

    public static string ComposeWith(string tag) => $"services:\n  web:\n    image: {Repo}:{tag}\n  sidecar:\n    image: redis:7\n";

    public string ComposeOnServer => Encoding.UTF8.GetString(Server.Files[ComposePath]);

    public DeployRun Run(IRemoteHost? host = null) =>
        new(host ?? Host, Target, Registry, Origin, Log, Redactor, Gate, Reconnect);

    public Task<DeployResult> DeployAsync(string tag = "v2", IRemoteHost? host = null) =>
        new DeployFlow(Run(host), new RecreateSwitch()).RunAsync(DeployAction.Deploy, tag, null, CancellationToken.None);
}
