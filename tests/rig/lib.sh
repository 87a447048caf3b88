# Shared helpers for the rig scripts. Sourced, not executed.
# shellcheck shell=bash

RIG_DIR="${INFOSYNC_RIG_DIR:-/var/lib/infosync-rig}"
RIG_SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RIG_REPO_ROOT="$(cd "$RIG_SCRIPT_DIR/../.." && pwd)"
RIG_SELF="$(basename "$0")"

die() {
  printf '%s: error: %s\n' "$RIG_SELF" "$*" >&2
  exit 1
}

# Any command that fails without a message of its own still says where.
trap 'rc=$?; printf "%s: error: line %s: \`%s\` exited with %s\n" "$RIG_SELF" "$LINENO" "$BASH_COMMAND" "$rc" >&2' ERR

# Runs a command with its output kept aside; shows the output only when the command fails.
# The description, not the command line, is what gets printed, so arguments stay private.
quietly() {
  local what="$1"; shift
  local out rc=0
  out="$(mktemp)"
  "$@" >"$out" 2>&1 || rc=$?
  if ((rc != 0)); then
    printf '%s: error: %s failed (exit %s):\n' "$RIG_SELF" "$what" "$rc" >&2
    sed 's/^/  | /' "$out" >&2
    rm -f "$out"
    exit "$rc"
  fi
  rm -f "$out"
}

# A value as one POSIX shell word: single quotes, with embedded ones as '\''.
shell_quote() {
  local s="${1//\'/\'\\\'\'}"
  printf "'%s'" "$s"
}

# A value as one JSON string.
json_quote() {
  local s="$1" out="" c i code
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      '"') out+='\"' ;;
      '\') out+='\\' ;;
      $'\n') out+='\n' ;;
      $'\r') out+='\r' ;;
      $'\t') out+='\t' ;;
      *)
        printf -v code '%d' "'$c"
        if ((code < 32)); then printf -v c '\\u%04x' "$code"; fi
        out+="$c"
        ;;
    esac
  done
  printf '"%s"' "$out"
}

require_root() {
  [[ $(id -u) -eq 0 ]] || die "must run as root (it manages dockerd, sshd, users and /usr/local)"
}

load_rig_env() {
  [[ -r "$RIG_DIR/rig.env" ]] || die "$RIG_DIR/rig.env not found: run tests/rig/up.sh first"
  # shellcheck source=/dev/null
  source "$RIG_DIR/rig.env"
}

# True when the pid file $2 names a live process of program $1. The name check keeps a
# stale pid file, whose pid now belongs to something else, from getting that process killed.
# A daemon removes its pid file as it exits, so the file may go between the test and the read: that read must
# fail as "not alive", not as a redirection error, which ends a `set -e` script even inside a condition.
pid_alive() {
  local pid
  pid="$(cat -- "$2" 2>/dev/null)" || return 1
  [[ -n "$pid" ]] || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$1" ]] \
    && ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null
}

pid_gone() { ! pid_alive "$@"; }

# Stops the process of program $1 named by pid file $2, waiting at most $3 seconds.
stop_pid() {
  local pid
  if pid_alive "$1" "$2" && pid="$(cat -- "$2" 2>/dev/null)"; then
    kill "$pid" 2>/dev/null || true
    wait_for "$3" pid_gone "$1" "$2" || die "$1 (pid $pid) still runs $3 s after SIGTERM"
  fi
  rm -f "$2"
}

# Starts "$@" as a daemon in its own session, appending its output to $1, with no file descriptor but 0-2: a daemon
# must not keep a lock (flock) or pipe of whatever started the rig, or that lock stays held as long as the daemon runs.
# $! is the daemon's pid afterwards.
start_daemon() {
  local log="$1"; shift
  (
    for fd in /proc/self/fd/*; do
      fd="${fd##*/}"
      ((fd > 2)) && eval "exec $fd>&-"
    done 2>/dev/null
    exec setsid "$@" >>"$log" 2>&1 </dev/null
  ) &
}

# Waits until "$@" succeeds, polling every 0.2 s, for at most $1 seconds.
wait_for() {
  local timeout="$1"; shift
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# Writes $2 to file $1 only when it differs; returns 0 when it changed.
write_if_changed() {
  if [[ -f "$1" ]] && [[ "$(<"$1")" == "$2" ]]; then return 1; fi
  printf '%s\n' "$2" >"$1"
}

# What every sshd of the rig allows, after its own listen address, host keys and pid file: the users $1 (by
# password or key), nobody else.
sshd_common_config() {
  printf '%s\n' "LogLevel VERBOSE" \
    "AllowUsers $1" \
    "PermitRootLogin no" \
    "PasswordAuthentication yes" \
    "PubkeyAuthentication yes" \
    "KbdInteractiveAuthentication no" \
    "AuthorizedKeysFile .ssh/authorized_keys" \
    "# No PAM: pam_loginuid and friends fail in containers, and shadow passwords are all we need." \
    "UsePAM no" \
    "# Tests open many channels on one connection and run deploys concurrently." \
    "MaxSessions 50" \
    "MaxStartups 50:30:100" \
    "X11Forwarding no" \
    "PrintMotd no" \
    "PrintLastLog no" \
    "Subsystem sftp internal-sftp"
}

valid_tag() {
  [[ "$1" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]]
}

# The rig's own Docker client config: publish and reset log in here, never in ~/.docker, so
# a test cannot pass because the rig left root or deployer logged in.
rig_docker() {
  DOCKER_CONFIG="$RIG_DIR/docker-config" docker "$@"
}

registry_login() {
  mkdir -p "$RIG_DIR/docker-config"
  chmod 700 "$RIG_DIR/docker-config"
  printf '%s\n' "$HARBOR_PASSWORD" \
    | quietly "docker login $HARBOR_HOST" rig_docker login --username "$HARBOR_USERNAME" --password-stdin "$HARBOR_HOST"
}
