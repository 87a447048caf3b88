using System.Globalization;

namespace Infosync.Deploy.Tests.Rig;

/// <summary>
/// Watches one process's TCP connections to the rig's sshd (from /proc), so that the sshd log's "Accepted" lines
/// can be attributed to that process even while other clients use the same sshd.
/// </summary>
public sealed class SshConnectionWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly HashSet<int> localPorts = [];
    private readonly Task watching;

    private SshConnectionWatch(int pid, int sshPort) => watching = Task.Run(() => WatchAsync(pid, sshPort));

    public static SshConnectionWatch Start(int pid, int sshPort) => new(pid, sshPort);

    /// <summary>The local ports the process connected to sshd from.</summary>
    public async Task<IReadOnlySet<int>> StopAsync()
    {
        await stop.CancelAsync();
        await watching;
        return localPorts;
    }

    /// <summary>
    /// The sshd log's accepted logins after <paramref name="logMark"/> that came from <paramref name="ports"/>.
    /// Only lines after the mark count: the kernel reuses local ports, so an older login may share one.
    /// </summary>
    public static int LoginsFrom(Rig rig, IReadOnlySet<int> ports, int logMark) =>
        RigSsh.LoginsSince(rig, logMark).Count(line => ports.Any(port => line.Contains($" port {port} ", StringComparison.Ordinal)));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    private async Task WatchAsync(int pid, int sshPort)
    {
        var remote = ":" + sshPort.ToString("X4", CultureInfo.InvariantCulture);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var inodes = Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd")
                    .Select(fd => new FileInfo(fd).LinkTarget)
                    .Where(target => target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
                    .Select(target => target![8..^1])
                    .ToHashSet();
                // .NET's sockets are dual-mode, so an IPv4 connection may be listed in tcp6.
                foreach (var line in File.ReadLines($"/proc/{pid}/net/tcp").Skip(1).Concat(File.ReadLines($"/proc/{pid}/net/tcp6").Skip(1)))
                {
                    var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (fields[2].EndsWith(remote, StringComparison.Ordinal) && inodes.Contains(fields[9]))
                    {
                        localPorts.Add(int.Parse(fields[1][(fields[1].IndexOf(':', StringComparison.Ordinal) + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The process has ended.
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }
}
