using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Deployment;

/// <summary>
/// Reading and atomically replacing small text files on a host, through its shell. A write lands only whole:
/// the bytes go to a temporary file beside the target, are checked against their SHA-256, then renamed over it.
/// </summary>
public static class RemoteFiles
{
    /// <summary>Files larger than this are refused before they are read.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const int Missing = 3;

    private const string ReadScript =
        """
        f=$1; max=$2
        [ -e "$f" ] || [ -L "$f" ] || exit 3
        if [ -L "$f" ]; then echo "$f is a symbolic link; refusing to follow it" >&2; exit 4; fi
        if [ ! -f "$f" ]; then echo "$f is not a regular file" >&2; exit 4; fi
        size=$(wc -c < "$f") || exit 4
        if [ "$size" -gt "$max" ]; then echo "$f is $size bytes, more than the $max allowed" >&2; exit 5; fi
        cat -- "$f"
        """;

    private const string WriteScript =
        """
        set -e
        f=$1; sum=$2; tmp="$(dirname -- "$f")/.$(basename -- "$f").tmp.$$"
        if [ -L "$f" ]; then echo "$f is a symbolic link; refusing to replace it" >&2; exit 4; fi
        trap 'rm -f -- "$tmp"' EXIT
        cat > "$tmp"
        actual=$(sha256sum < "$tmp"); actual=${actual%% *}
        if [ "$actual" != "$sum" ]; then echo "the new $f arrived incomplete; left unchanged" >&2; exit 6; fi
        if [ -e "$f" ]; then chmod --reference="$f" -- "$tmp" 2>/dev/null || true; fi
        mv -f -- "$tmp" "$f"
        trap - EXIT
        """;

    /// <summary>The command that prints the file; exit status 3 means it does not exist.</summary>
    public static RemoteCommand Read(string path) =>
        RemoteCommand.Read(RemoteCommand.Script(ReadScript, path, MaxBytes.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The command that atomically replaces the file with <paramref name="content"/>.</summary>
    public static RemoteCommand Write(string path, string content) => new(
        RemoteCommand.Script(WriteScript, path, Sha256(content)), RemoteCommand.DefaultTimeout, Input: content);

    /// <summary>Reads the file; null when it does not exist; throws when it cannot be read.</summary>
    public static async Task<string?> ReadAsync(IRemoteHost host, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var result = await host.RunAsync(Read(path), cancellationToken);
        return result.ExitCode == Missing ? null : result.EnsureSuccess($"Reading {path} on {host.Name}").StandardOutput;
    }

    /// <summary>Atomically replaces the file; throws when it could not, and then the file is as it was.</summary>
    public static async Task WriteAsync(IRemoteHost host, string path, string content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        (await host.RunAsync(Write(path, content), cancellationToken)).EnsureSuccess($"Writing {path} on {host.Name}");
    }

    private static string Sha256(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
