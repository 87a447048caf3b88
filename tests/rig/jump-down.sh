#!/usr/bin/env bash
# Removes what jump-up.sh made: its two sshds, every process left in its network namespace (their connections'
# sessions), the namespace and its veth pair. Keeps $RIG_DIR/jump, so the next jump-up.sh reuses the keys.
# Silent when there is nothing to remove.
set -Eeuo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$RIG_SCRIPT_DIR/jump-lib.sh"

require_root
mkdir -p "$RIG_DIR"
exec 9>"$RIG_DIR/.jump.lock"
flock -w 60 9 || die "another jump-up.sh or jump-down.sh holds $RIG_DIR/.jump.lock"

stop_pid sshd "$JUMP_DIR/jump-sshd.pid" 10
stop_pid sshd "$JUMP_DIR/target-sshd.pid" 10
if [[ -e "$JUMP_NETNS_PATH" ]]; then
  # Only processes inside the rig's own namespace: the sessions its sshds started.
  mapfile -t pids < <(ip netns pids "$JUMP_NETNS" 2>/dev/null || true)
  if ((${#pids[@]} > 0)); then
    kill "${pids[@]}" 2>/dev/null || true
    namespace_empty() { [[ -z "$(ip netns pids "$JUMP_NETNS" 2>/dev/null)" ]]; }
    wait_for 10 namespace_empty || die "processes ${pids[*]} in $JUMP_NETNS still run 10 s after SIGTERM"
  fi
  ip netns del "$JUMP_NETNS"
fi
ip link del "$JUMP_VETH_ROOT" 2>/dev/null || true
