namespace Infosync.Deploy.Settings;

/// <summary>Every argument and environment variable the tool reads, with its default, in one place.</summary>
public static class SettingNames
{
    /// <summary>The image tag to build, push and deploy.</summary>
    public static readonly SettingName ImageTag = new("image-tag", ["DEFAULT_IMAGE_TAG"])
    {
        WhenUnset = "none (required to build, push and deploy)",
    };

    /// <summary>
    /// The tag a rollback returns to. The same argument as the image tag, but not <c>DEFAULT_IMAGE_TAG</c>, which a
    /// pipeline always sets to its own commit: GitLab's Rollback button re-runs an old deploy job instead.
    /// </summary>
    public static readonly SettingName RollbackTag = new("image-tag", ["ROLLBACK_TAG"])
    {
        WhenUnset = "for Rollback<Env>: the tag that ran before the current one, from the server's history",
    };

    /// <summary>The Harbor registry's host, with an optional port.</summary>
    public static readonly SettingName HarborHost = new("harbor-host", ["HARBOR_HOST"]) { WhenUnset = "none (required)" };

    /// <summary>The Harbor user.</summary>
    public static readonly SettingName HarborUsername = new("harbor-username", ["HARBOR_USERNAME"])
    {
        WhenUnset = "none (required to push and deploy)",
    };

    /// <summary>The Harbor user's password.</summary>
    public static readonly SettingName HarborPassword = new("harbor-password", ["HARBOR_PASSWORD"])
    {
        WhenUnset = "none (required to push and deploy)",
    };

    /// <summary>The Harbor project holding the image.</summary>
    public static readonly SettingName HarborProject = new("harbor-project", ["HARBOR_PROJECT"]) { Default = "infosync" };

    /// <summary>The image's name inside the project.</summary>
    public static readonly SettingName ImageName = new("image-name", ["IMAGE_NAME"]) { Default = "infosync" };

    /// <summary>The Dockerfile's path.</summary>
    public static readonly SettingName Dockerfile = new("dockerfile", ["DOCKERFILE"])
    {
        WhenUnset = "the build context's Dockerfile",
    };

    /// <summary>The directory sent to <c>docker build</c>.</summary>
    public static readonly SettingName BuildContext = new("build-context", ["BUILD_CONTEXT"]) { Default = "." };

    /// <summary>Known host keys, as text or a file path.</summary>
    public static readonly SettingName SshKnownHosts = new("ssh-known-hosts", ["SSH_KNOWN_HOSTS"])
    {
        WhenUnset = "~/.ssh/known_hosts",
    };

    /// <summary>How unknown host keys are treated: yes, accept-new or no.</summary>
    public static readonly SettingName SshStrictHostKeyChecking =
        new("ssh-strict-host-key-checking", ["SSH_STRICT_HOST_KEY_CHECKING"]) { Default = "yes" };

    /// <summary>The arguments that turn on plan mode, all one meaning.</summary>
    public static readonly IReadOnlyList<string> DryRunArguments = ["dry-run", "dryrun", "whatif", "noop"];

    /// <summary>The SSH server's host, or <c>local</c> to run on this machine.</summary>
    public static SettingName SshHost(DeployEnvironment environment) =>
        Scoped("ssh-host", environment, "SSH_HOST") with { WhenUnset = "none (required; 'local' runs the steps here, without SSH)" };

    /// <summary>The SSH server's port.</summary>
    public static SettingName SshPort(DeployEnvironment environment) =>
        Scoped("ssh-port", environment, "SSH_PORT") with { Default = "22" };

    /// <summary>The SSH user.</summary>
    public static SettingName SshUsername(DeployEnvironment environment) =>
        Scoped("ssh-username", environment, "SSH_USERNAME") with { WhenUnset = "none (required for SSH)" };

    /// <summary>The SSH user's password.</summary>
    public static SettingName SshPassword(DeployEnvironment environment) =>
        Scoped("ssh-password", environment, "SSH_PASSWORD") with { WhenUnset = "none (SSH needs it or a private key)" };

    /// <summary>The SSH private key, as text or a file path.</summary>
    public static SettingName SshPrivateKey(DeployEnvironment environment) =>
        Scoped("ssh-private-key", environment, "SSH_PRIVATE_KEY") with { WhenUnset = "none (SSH needs it or a password)" };

    /// <summary>The passphrase of an encrypted private key.</summary>
    public static SettingName SshPrivateKeyPassphrase(DeployEnvironment environment) =>
        Scoped("ssh-private-key-passphrase", environment, "SSH_PRIVATE_KEY_PASSPHRASE");

    /// <summary>Jump hosts to reach the server through, as OpenSSH's ProxyJump: <c>[user@]host[:port]</c>, comma-separated.</summary>
    public static SettingName SshProxyJump(DeployEnvironment environment) =>
        Scoped("ssh-proxy-jump", environment, "SSH_PROXY_JUMP") with { WhenUnset = "none (the server is reached directly)" };

    /// <summary>The jump hosts' password, when it is not the server's.</summary>
    public static SettingName SshProxyJumpPassword(DeployEnvironment environment) =>
        Scoped("ssh-proxy-jump-password", environment, "SSH_PROXY_JUMP_PASSWORD") with { WhenUnset = "the server's password" };

    /// <summary>The jump hosts' private key, as text or a file path, when it is not the server's.</summary>
    public static SettingName SshProxyJumpPrivateKey(DeployEnvironment environment) =>
        Scoped("ssh-proxy-jump-private-key", environment, "SSH_PROXY_JUMP_PRIVATE_KEY") with { WhenUnset = "the server's key" };

    /// <summary>Seconds to wait for the SSH connection.</summary>
    public static SettingName SshTimeout(DeployEnvironment environment) =>
        Scoped("ssh-timeout", environment, "SSH_TIMEOUT") with { Default = "15" };

    /// <summary>The directory on the server holding docker-compose.yml.</summary>
    public static SettingName DeployDirectory(DeployEnvironment environment) =>
        new("deploy-dir", [$"{environment.VariablePrefix}_DEPLOY_DIR"]) { Default = $"/usr/local/infosync-{environment.Name}" };

    /// <summary>The compose files to deploy with, as Compose's <c>COMPOSE_FILE</c>; by default Compose finds them itself.</summary>
    public static SettingName ComposeFile(DeployEnvironment environment) =>
        new("compose-file", [$"{environment.VariablePrefix}_COMPOSE_FILE"]) { WhenUnset = "none (Compose finds the files itself)" };

    /// <summary>A URL fetched from the server itself that must answer 2xx after a deploy.</summary>
    public static SettingName HealthUrl(DeployEnvironment environment) =>
        new("health-url", [$"{environment.VariablePrefix}_HEALTH_URL"]);

    /// <summary>Seconds the new containers have to become healthy.</summary>
    public static SettingName HealthTimeout(DeployEnvironment environment) =>
        Scoped("health-timeout", environment, "HEALTH_TIMEOUT") with { Default = "60" };

    /// <summary>Seconds a container without a HEALTHCHECK must run without restarting to count as healthy.</summary>
    public static SettingName HealthSettle(DeployEnvironment environment) =>
        Scoped("health-settle", environment, "HEALTH_SETTLE") with { Default = "3" };

    /// <summary>How a deploy replaces the containers: <c>recreate</c> in place, or <c>rolling</c>, new beside old behind a proxy.</summary>
    public static SettingName Strategy(DeployEnvironment environment) =>
        Scoped("strategy", environment, "STRATEGY") with { Default = "recreate" };

    /// <summary>
    /// What runs the environment: <c>compose</c> on one server, <c>swarm</c>, the server being a Swarm manager, or
    /// <c>auto</c>: Swarm when the server is a manager that runs the environment's stack, else Compose.
    /// </summary>
    public static SettingName Orchestrator(DeployEnvironment environment) =>
        Scoped("orchestrator", environment, "ORCHESTRATOR") with { Default = "auto" };

    /// <summary>Seconds a rolling switch waits, once the new containers are healthy, before it stops the old ones.</summary>
    public static SettingName DrainTime(DeployEnvironment environment) =>
        Scoped("drain-time", environment, "DRAIN_TIME") with { Default = "5" };

    /// <summary>Seconds a deploy waits for another deploy's lock.</summary>
    public static SettingName LockWait(DeployEnvironment environment) =>
        Scoped("lock-wait", environment, "LOCK_WAIT") with { Default = "0" };

    /// <summary>Seconds after which a lock left behind is taken over.</summary>
    public static SettingName LockStaleAfter(DeployEnvironment environment) =>
        Scoped("lock-stale-after", environment, "LOCK_STALE_AFTER") with { Default = "1800" };

    private static SettingName Scoped(string argument, DeployEnvironment environment, string variable) =>
        new(argument, [$"{environment.VariablePrefix}_{variable}", variable]);
}
