using Cake.Core.Diagnostics;
using Infosync.Deploy.Remote;
using Infosync.Deploy.Secrets;
using Infosync.Deploy.Settings;

namespace Infosync.Deploy.Tests.Rig;

/// <summary>SSH settings and connections to the rig's sshd.</summary>
public static class RigSsh
{
    public static SshSettings Settings(Rig rig, string? password = null, HostKeyPolicy policy = HostKeyPolicy.Strict, string? knownHostsText = null, int? port = null) =>
        new(rig["SSH_HOST"], port ?? int.Parse(rig["SSH_PORT"], System.Globalization.CultureInfo.InvariantCulture), rig["SSH_USERNAME"],
            new Secret(password ?? rig.SshPassword), null,
            knownHostsText is null ? new KnownHostsSource(rig["SSH_KNOWN_HOSTS"], null) : new KnownHostsSource(null, knownHostsText),
            policy, TimeSpan.FromSeconds(5));

    public static Task<SshRemoteHost> ConnectAsync(Rig rig, SshSettings? settings = null)
    {
        settings ??= Settings(rig);
        return SshRemoteHost.ConnectAsync(settings, new HostKeyVerifier(settings.KnownHosts, settings.HostKeyPolicy, false, new NullLog()));
    }

    /// <summary>How many SSH logins the rig's sshd has accepted so far.</summary>
    public static int AcceptedLogins(Rig rig) =>
        File.ReadLines(rig["RIG_SSHD_LOG"]).Count(line => line.Contains("Accepted ", StringComparison.Ordinal));
}

public sealed class NullLog : ICakeLog
{
    public Verbosity Verbosity { get; set; } = Verbosity.Diagnostic;

    public List<string> Lines { get; } = [];

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args) =>
        Lines.Add(args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
}
