using Infosync.Deploy.Commands;
using Infosync.Deploy.Deployment;
using Infosync.Deploy.Remote;

namespace Infosync.Deploy.Catalogue;

/// <summary>
/// The server side of the deploy lock: a directory made with <c>mkdir</c> (atomic) under <c>DEPLOY_DIR/.deploy/</c>,
/// holding the holder's description and the pid of a keeper process that lives exactly as long as the holder's
/// connection. A lock whose keeper is gone was left behind by a deploy that died, and can be taken over at once.
/// </summary>
public static class LockCommands
{
    /// <summary>Exit status: the deploy directory does not exist.</summary>
    public const int NoDeployDirectory = 12;

    /// <summary>Exit status: another deploy holds the lock; the output says who.</summary>
    public const int Held = 11;

    // Prints "held AGE ALIVE MARKER" and the holder. A lock whose keeper cannot be read 10 s after it was made
    // was left by a deploy that died between mkdir and writing it: its maker writes both within milliseconds. A keeper
    // whose process exists but cannot be read (another user's, /proc mounted with hidepid) is of unknown liveness.
    private const string InspectFunction =
        """
        inspect() {
          now=$(date +%s); made=$(stat -c %Y -- "$lock" 2>/dev/null || echo "$now"); alive=unknown; marker=
          if read -r pid marker _ < "$lock/keeper" 2>/dev/null && [ -n "$marker" ]; then
            if [ ! -e "/proc/$pid" ]; then alive=no
            elif tr '\000' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"; then alive=yes
            elif [ -r "/proc/$pid/cmdline" ]; then alive=no
            fi
          elif [ $((now - made)) -ge 10 ]; then
            alive=no
          fi
          echo "held $((now - made)) $alive $marker"
          cat -- "$lock/holder.json" 2>/dev/null || true
        }

        """;

    // A lock made a moment ago by a concurrent deploy may not have its files yet: wait up to 2 s for them, so the
    // refusal names the holder, and take the lock if it is released meanwhile.
    private const string Acquire = InspectFunction +
        """
        d="$1/.deploy"; lock="$d/lock"
        [ -d "$1" ] || { echo "deploy directory $1 does not exist" >&2; exit 12; }
        mkdir -p -- "$d" || exit 10
        tries=0
        while ! made=$(mkdir -- "$lock" 2>&1); do
          # Only an existing lock is another deploy's; any other failure (permissions) is said as it is.
          if [ ! -d "$lock" ]; then echo "$made" >&2; exit 10; fi
          if [ -s "$lock/holder.json" ] || [ "$tries" -ge 20 ]; then inspect; exit 11; fi
          sleep 0.1; tries=$((tries + 1))
        done
        if printf '%s %s\n' "$3" "$4" > "$lock/keeper" && printf '%s\n' "$2" > "$lock/holder.json"; then exit 0; fi
        rm -rf -- "$lock"; exit 10
        """;

    // Takeovers and reclaims are serialised by a flock on .takeover, so that two of them never act on the same stale lock.
    private const string TakeOver =
        """
        d="$1/.deploy"; lock="$d/lock"
        if command -v flock >/dev/null 2>&1; then exec 9>"$d/.takeover" || exit 10; flock 9; fi
        read -r pid marker _ < "$lock/keeper" 2>/dev/null || marker=
        [ "$marker" = "$2" ] || exit 1
        mv -- "$lock" "$d/lock.stale.$$" && rm -rf -- "$d/lock.stale.$$"
        """;

    // A deploy whose connection dropped takes its own lock back on a second connection, with a new keeper: only while
    // the lock is still its own (same marker), or free. A lock another deploy took over meanwhile is that deploy's.
    private const string Reclaim = InspectFunction +
        """
        d="$1/.deploy"; lock="$d/lock"
        mkdir -p -- "$d" || exit 10
        if command -v flock >/dev/null 2>&1; then exec 9>"$d/.takeover" || exit 10; flock 9; fi
        if [ -d "$lock" ]; then
          read -r pid marker _ < "$lock/keeper" 2>/dev/null || marker=
          if [ "$marker" != "$2" ]; then inspect; exit 11; fi
          printf '%s %s\n' "$4" "$5" > "$lock/keeper.new" && mv -f -- "$lock/keeper.new" "$lock/keeper" && exit 0
          exit 10
        fi
        mkdir -- "$lock" 2>/dev/null || { inspect; exit 11; }
        if printf '%s %s\n' "$4" "$5" > "$lock/keeper" && printf '%s\n' "$3" > "$lock/holder.json"; then exit 0; fi
        rm -rf -- "$lock"; exit 10
        """;

    private const string Release =
        """
        lock="$1/.deploy/lock"
        read -r pid marker _ < "$lock/keeper" 2>/dev/null || exit 0
        [ "$marker" = "$2" ] || exit 0
        rm -rf -- "$lock"
        """;

    private const string Show = InspectFunction +
        """
        lock="$1/.deploy/lock"
        [ -d "$lock" ] || exit 0
        inspect
        """;

    /// <summary>A process that holds its stdin open and prints its pid; <paramref name="marker"/> is in its command line.</summary>
    public static RemoteCommand Keeper(string marker) =>
        new RemoteCommand(CommandLine.For("sh").Add("-c", "echo $$; while read -r _; do :; done", marker), TimeSpan.FromSeconds(30))
            .Described("start the lock's keeper, a process that lives as long as this connection");

    /// <summary>Takes the lock, or exits <see cref="Held"/> printing <c>held AGE ALIVE MARKER</c> and the holder.</summary>
    public static RemoteCommand TryAcquire(string deployDirectory, LockHolder holder, string keeperPid, string marker) =>
        RemoteCommand.Change(RemoteCommand.Script(Acquire, deployDirectory, holder.ToJson(), keeperPid, marker))
            .Described($"take the deploy lock {deployDirectory}/.deploy/lock");

    /// <summary>Removes the lock if its keeper is still <paramref name="staleMarker"/>; exit 1 when it changed hands.</summary>
    public static RemoteCommand TryTakeOver(string deployDirectory, string staleMarker) =>
        RemoteCommand.Change(RemoteCommand.Script(TakeOver, deployDirectory, staleMarker))
            .Described($"take over the deploy lock in {deployDirectory}, left by a deploy that died");

    /// <summary>
    /// Makes the lock ours again under a new keeper (<paramref name="keeperPid"/>, <paramref name="marker"/>) if it is
    /// still held under <paramref name="oldMarker"/> or is free; else exits <see cref="Held"/> printing the holder.
    /// </summary>
    public static RemoteCommand TryReclaim(string deployDirectory, string oldMarker, LockHolder holder, string keeperPid, string marker) =>
        RemoteCommand.Change(RemoteCommand.Script(Reclaim, deployDirectory, oldMarker, holder.ToJson(), keeperPid, marker))
            .Described($"take the deploy lock in {deployDirectory} back, if no other deploy took it");

    /// <summary>Removes the lock if it is still ours.</summary>
    public static RemoteCommand ReleaseIfOurs(string deployDirectory, string marker) =>
        RemoteCommand.Change(RemoteCommand.Script(Release, deployDirectory, marker))
            .Described($"release the deploy lock in {deployDirectory}");

    /// <summary>Prints nothing when unlocked, else <c>held AGE ALIVE MARKER</c> and the holder.</summary>
    public static RemoteCommand Describe(string deployDirectory) =>
        RemoteCommand.Read(RemoteCommand.Script(Show, deployDirectory))
            .Described($"read the deploy lock in {deployDirectory}");

    /// <summary>Removes the lock whoever holds it.</summary>
    public static RemoteCommand Remove(string deployDirectory) =>
        RemoteCommand.Change(RemoteCommand.Script("rm -rf -- \"$1/.deploy/lock\"", deployDirectory))
            .Described($"remove the deploy lock in {deployDirectory}");
}
