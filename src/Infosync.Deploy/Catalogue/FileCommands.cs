using System.Globalization;
using Infosync.Deploy.Compose;
using Infosync.Deploy.Deployment;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Catalogue;

/// <summary>
/// Looking into a deploy directory and reading and replacing small files in it through the host's shell, as exact
/// bytes (base64 both ways). A write lands only whole and only over the bytes that were read: the new bytes go to a
/// temporary file beside the target (made under umask 077, then given the original's mode, owner and group), are
/// checked against their SHA-256, and are renamed over the target only if the target still has the SHA-256 it had
/// when read, in the same script.
/// </summary>
public static class FileCommands
{
    /// <summary>Exit status: the deploy directory does not exist.</summary>
    public const int NoDirectory = 12;

    /// <summary>Exit status: the file does not exist.</summary>
    public const int Missing = 3;

    /// <summary>Exit status: the file is not what was read (or written) any more; it was left as it is.</summary>
    public const int ChangedSinceRead = 7;

    private const string ReadScript =
        """
        f=$1; max=$2
        [ -e "$f" ] || [ -L "$f" ] || exit 3
        if [ -L "$f" ]; then echo "$f is a symbolic link; refusing to follow it" >&2; exit 4; fi
        if [ ! -f "$f" ]; then echo "$f is not a regular file" >&2; exit 4; fi
        size=$(wc -c < "$f") || exit 4
        if [ "$size" -gt "$max" ]; then echo "$f is $size bytes, more than the $max allowed" >&2; exit 5; fi
        base64 -w 0 -- "$f"
        """;

    // Shared by writes and restores: $f, the file; $sum, the SHA-256 of the bytes arriving base64 on stdin; leaves them
    // in $tmp with the mode, owner and group of $f when it exists.
    private const string StageFunction =
        """
        set -e
        umask 077
        if [ -L "$f" ]; then echo "$f is a symbolic link; refusing to replace it" >&2; exit 4; fi
        tmp="$(dirname -- "$f")/.$(basename -- "$f").tmp.$$"
        trap 'rm -f -- "$tmp" "$tmp.bak"' EXIT
        base64 -d > "$tmp"
        actual=$(sha256sum < "$tmp"); actual=${actual%% *}
        if [ "$actual" != "$sum" ]; then echo "the new $f arrived incomplete; left unchanged" >&2; exit 6; fi
        if [ -e "$f" ]; then
          chmod --reference="$f" -- "$tmp"
          if ! chown --reference="$f" -- "$tmp" 2>/dev/null && [ "$(stat -c %u:%g -- "$f")" != "$(stat -c %u:%g -- "$tmp")" ]; then
            echo "$f belongs to $(stat -c %U:%G -- "$f"), which this user cannot give the new file; left unchanged" >&2; exit 8
          fi
        fi
        current=absent
        if [ -e "$f" ]; then current=$(sha256sum < "$f"); current=${current%% *}; fi

        """;

    private const string WriteScript = "f=$1; expected=$2; sum=$3; backup=$4\n" + StageFunction +
        """
        if [ "$current" != "$expected" ]; then echo "$f changed on the server since it was read; left as it is" >&2; exit 7; fi
        if [ "$backup" = yes ] && [ -e "$f" ]; then cp -p -- "$f" "$tmp.bak"; mv -f -- "$tmp.bak" "$f.bak"; fi
        mv -f -- "$tmp" "$f"
        trap - EXIT
        """;

    // Puts the original back over what the deploy wrote: nothing to do when it is already there, refused when someone
    // else changed the file since. An original that did not exist is removed again.
    private const string RestoreScript = "f=$1; written=$2; original=$3; sum=$4\n" + StageFunction +
        """
        if [ "$current" = "$original" ]; then exit 0; fi
        if [ "$current" != "$written" ]; then echo "$f changed on the server since the deploy wrote it; left as it is" >&2; exit 7; fi
        if [ "$original" = absent ]; then rm -f -- "$f"; else mv -f -- "$tmp" "$f"; fi
        trap - EXIT
        """;

    private const string ProbeScript =
        """
        cd -- "$1" 2>/dev/null || { echo "the deploy directory $1 does not exist" >&2; exit 12; }
        shift
        printf 'physical %s\n' "$(pwd -P)"
        if [ -n "${COMPOSE_FILE+x}" ]; then printf 'env COMPOSE_FILE %s\n' "$(printf '%s' "$COMPOSE_FILE" | base64 -w 0)"; fi
        if [ -n "${COMPOSE_PATH_SEPARATOR+x}" ]; then printf 'env COMPOSE_PATH_SEPARATOR %s\n' "$(printf '%s' "$COMPOSE_PATH_SEPARATOR" | base64 -w 0)"; fi
        if [ -n "${COMPOSE_PROJECT_NAME+x}" ]; then printf 'env COMPOSE_PROJECT_NAME %s\n' "$(printf '%s' "$COMPOSE_PROJECT_NAME" | base64 -w 0)"; fi
        for n in "$@"; do if [ -e "$n" ] || [ -L "$n" ]; then printf 'exists %s\n' "$n"; fi; done
        """;

    /// <summary>The command that prints the file as base64; exit status 3 means it does not exist.</summary>
    public static RemoteCommand Read(string path) =>
        RemoteCommand.Read(RemoteCommand.Script(ReadScript, path, InputLimits.MaxFileBytes.ToString(CultureInfo.InvariantCulture)))
            .Described($"read {path}");

    /// <summary>The command that replaces <paramref name="next"/>'s file, if it still is <paramref name="current"/>, keeping a backup.</summary>
    public static RemoteCommand Write(ServerFile? current, ServerFile next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new RemoteCommand(RemoteCommand.Script(WriteScript, next.Path, ServerFile.Sha256Of(current), next.Sha256, current is null ? "no" : "yes"),
            RemoteCommand.DefaultTimeout, Input: Convert.ToBase64String(next.Bytes))
            .Described($"write {next.Path} if it still holds what was read{(current is null ? string.Empty : $", the old one kept as {next.Path}.bak")}");
    }

    /// <summary>The command that puts <paramref name="original"/> back at <paramref name="written"/>'s path (removes it when null).</summary>
    public static RemoteCommand Restore(ServerFile written, ServerFile? original)
    {
        ArgumentNullException.ThrowIfNull(written);
        var bytes = original?.Bytes ?? [];
        return new RemoteCommand(RemoteCommand.Script(RestoreScript, written.Path, written.Sha256, ServerFile.Sha256Of(original), new ServerFile(written.Path, bytes).Sha256),
            RemoteCommand.DefaultTimeout, Input: Convert.ToBase64String(bytes))
            .Described($"put {written.Path} back as it was, if it still holds what the deploy wrote");
    }


    /// <summary>The read-only command that probes <paramref name="directory"/>.</summary>
    public static RemoteCommand Probe(string directory) =>
        RemoteCommand.Read(RemoteCommand.Script(ProbeScript, [directory, .. ComposeFileLookup.Candidates]))
            .Described($"look into {directory}: its real path, the COMPOSE_* variables, which compose files exist");
}
