#!/usr/bin/env bash
# Removes what swarm-up.sh made: the swarm (each node leaves it), the manager's sshd and its sessions, the three
# engines, the registry forwarders, every other process left in the namespaces, the namespaces, their veth pairs,
# the bridge, the DOCKER-USER rule, the engines' state and run directories and swarm.env. Keeps the sshd's host key
# and the logs in $RIG_DIR/swarm, so the next swarm-up.sh keeps the same known_hosts. Silent when there is nothing
# to remove.
set -Eeuo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$RIG_SCRIPT_DIR/swarm-lib.sh"

require_root
mkdir -p "$RIG_DIR"
exec 9>"$SWARM_LOCK"
flock -w 120 9 || die "another swarm-up.sh or swarm-down.sh holds $SWARM_LOCK"

leave_worker() {
  local state
  state="$(node_docker "$1" info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null)" || return 0
  [[ "$state" == inactive ]] || quietly "docker swarm leave ($(node_name "$1"))" node_docker "$1" swarm leave --force
}

# Each leave takes a second or two: the workers leave side by side.
leave_swarm() {
  local n state pids=() pid
  # Workers first: the manager's leave --force ends the swarm for good.
  for n in "${SWARM_NODES[@]}"; do
    ((n != SWARM_MANAGER)) || continue
    leave_worker "$n" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || exit 1; done
  state="$(node_docker "$SWARM_MANAGER" info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null)" || return 0
  [[ "$state" == inactive ]] || quietly "docker swarm leave ($(node_name "$SWARM_MANAGER"))" \
    node_docker "$SWARM_MANAGER" swarm leave --force
}

namespace_empty() { [[ -z "$(ip netns pids "$1" 2>/dev/null)" ]]; }

# Only processes inside the rig's own namespace: sshd sessions, or an engine whose pid file is gone.
empty_namespace() {
  local name="$1" pids
  mapfile -t pids < <(ip netns pids "$name" 2>/dev/null || true)
  ((${#pids[@]} > 0)) || return 0
  kill "${pids[@]}" 2>/dev/null || true
  wait_for 30 namespace_empty "$name" || die "processes ${pids[*]} in $name still run 30 s after SIGTERM"
}

# A mount an engine left behind (killed, not stopped) under $1: unmounted, deepest first, before rm -rf.
unmount_under() {
  local m
  awk -v p="$1" '$5 == p || index($5, p "/") == 1 {print $5}' /proc/self/mountinfo | sort -r | while read -r m; do
    umount -l "$m" 2>/dev/null || true
  done
}

leave_swarm
stop_pid sshd "$SWARM_SSHD_PIDFILE" 10
# The engines stop their containers on SIGTERM; stopped side by side.
stoppers=()
for n in "${SWARM_NODES[@]}"; do
  stop_pid dockerd "$(node_pidfile "$n")" 60 &
  stoppers+=($!)
done
for pid in "${stoppers[@]}"; do wait "$pid" || exit 1; done
for n in "${SWARM_NODES[@]}"; do
  stop_pid socat "$(node_forward_pidfile "$n")" 10
  if [[ -e "$(node_netns_path "$n")" ]]; then
    empty_namespace "$(node_name "$n")"
    ip netns del "$(node_name "$n")"
  fi
  ip link del "$(node_veth "$n")" 2>/dev/null || true
done
stop_pid socat "$SWARM_HOST_FORWARD_PIDFILE" 10
ip link del "$SWARM_BRIDGE" 2>/dev/null || true
while iptables -w -C DOCKER-USER -i "$SWARM_BRIDGE" -o "$SWARM_BRIDGE" -j ACCEPT 2>/dev/null; do
  iptables -w -D DOCKER-USER -i "$SWARM_BRIDGE" -o "$SWARM_BRIDGE" -j ACCEPT
done
for n in "${SWARM_NODES[@]}"; do
  remove_cgroups "$(node_name "$n")"
  unmount_under "$(node_state_dir "$n")"
  unmount_under "$(node_run_dir "$n")"
  rm -rf --one-file-system "$(node_state_dir "$n")" "$(node_run_dir "$n")"
done
rm -rf --one-file-system "$SWARM_DIR/state"
rm -f "$SWARM_ENV"
