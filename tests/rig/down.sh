#!/usr/bin/env bash
# Stops what up.sh started: sshd, the registry, and dockerd if up.sh started it (containers stop
# with it). Keeps the rig directory, so the next up.sh reuses keys, certificates and images.
# For manual cleanup; CI does not use it.
set -Eeuo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Stops the process in pid file $2 if it is still the program $1 (a pid may have been reused).
stop() {
  local name="$1" file="$2" timeout="$3" pid
  pid_alive "$file" || { rm -f "$file"; return 0; }
  pid="$(<"$file")"
  if [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" != "$name" ]]; then
    rm -f "$file"
    return 0
  fi
  kill "$pid"
  wait_for "$timeout" bash -c "! kill -0 $pid" || die "$name (pid $pid) still runs ${timeout} s after SIGTERM"
  rm -f "$file"
}

require_root
stop sshd "$RIG_DIR/sshd.pid" 10
stop docker-registry "$RIG_DIR/registry/registry.pid" 10
stop dockerd "$RIG_DIR/dockerd.pid" 60
