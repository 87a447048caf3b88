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
    public static int AcceptedLogins(Rig rig) => LoginsSince(rig, 0).Count();

    /// <summary>The sshd log's length in lines: a mark to count only the logins that come after it.</summary>
    public static int LogMark(Rig rig) => File.ReadLines(rig["RIG_SSHD_LOG"]).Count();

    /// <summary>The sshd log's "Accepted password for … port N ssh2" lines after <paramref name="mark"/>.</summary>
    public static IEnumerable<string> LoginsSince(Rig rig, int mark) =>
        File.ReadLines(rig["RIG_SSHD_LOG"]).Skip(mark).Where(line => AcceptedLogin.IsMatch(line));

    private static readonly System.Text.RegularExpressions.Regex AcceptedLogin = new("^Accepted [a-z-]+ for ");
}

public sealed class NullLog : ICakeLog
{
    public Verbosity Verbosity { get; set; } = Verbosity.Diagnostic;

    public List<string> Lines { get; } = [];

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args) =>
        Lines.Add(args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
}
