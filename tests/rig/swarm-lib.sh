# The swarm rig's names, addresses and paths, shared by swarm-up.sh and swarm-down.sh. Sourced after lib.sh.
# shellcheck shell=bash

SWARM_NODES=(1 2 3)
# Node 1 is the manager, the others workers.
SWARM_MANAGER=1
SWARM_BRIDGE=infosync-sw0
SWARM_SUBNET=10.77.0.0/24
SWARM_BRIDGE_ADDR=10.77.0.1
SWARM_SSH_PORT=22
# The registry under the name the tool uses: each namespace forwards its own 127.0.0.1:5443 to this port on the
# bridge, where a forwarder on the host side passes it on to the registry on this namespace's 127.0.0.1:5443.
SWARM_REGISTRY_HOST=localhost:5443
SWARM_REGISTRY_PORT=5443
# Overlay networks get /24s out of this, well clear of the bridge's subnet and the engines' own bridges.
SWARM_ADDR_POOL=10.79.0.0/16
SWARM_DIR="$RIG_DIR/swarm"
SWARM_ENV="$RIG_DIR/swarm.env"
SWARM_LOCK="$RIG_DIR/.swarm.lock"

# Everything of node $1 (1, 2 or 3). The engine's state ($SWARM_DIR/state/swN) and run dir (/run/infosync-swN)
# are removed by swarm-down.sh; its log and the sshd's keys stay.
node_name() { printf 'infosync-sw%s' "$1"; }
node_netns_path() { printf '/var/run/netns/%s' "$(node_name "$1")"; }
node_addr() { printf '10.77.0.1%s' "$1"; }
# The host side of node $1's veth pair; the other end is the namespace's eth0.
node_veth() { printf 'issw%s' "$1"; }
# Each engine's own docker0, so no two engines (nor the host's 172.17.0.0/16) share a range.
node_bip() { printf '10.78.%s.1/24' "$1"; }
node_state_dir() { printf '%s/state/sw%s' "$SWARM_DIR" "$1"; }
node_run_dir() { printf '/run/%s' "$(node_name "$1")"; }
node_socket() { printf '%s/docker.sock' "$(node_run_dir "$1")"; }
node_pidfile() { printf '%s/dockerd.pid' "$(node_state_dir "$1")"; }
node_log() { printf '%s/sw%s-dockerd.log' "$SWARM_DIR" "$1"; }
node_forward_pidfile() { printf '%s/forward.pid' "$(node_state_dir "$1")"; }
node_cgroup_parent() { printf '/%s' "$(node_name "$1")"; }

SWARM_HOST_FORWARD_PIDFILE="$SWARM_DIR/state/host-forward.pid"
SWARM_FORWARD_LOG="$SWARM_DIR/forward.log"
SWARM_SSH_DIR="$SWARM_DIR/ssh"
SWARM_SSHD_PIDFILE="$SWARM_DIR/state/sshd.pid"
SWARM_SSHD_LOG="$SWARM_DIR/sshd.log"

in_node() { local n="$1"; shift; nsenter --net="$(node_netns_path "$n")" "$@"; }
node_docker() { local n="$1"; shift; docker -H "unix://$(node_socket "$n")" "$@"; }

cgroup_procs() { cat "$1"/cgroup.procs "$1"/*/cgroup.procs 2>/dev/null || true; }
cgroup_empty() { [[ -z "$(cgroup_procs "$1")" ]]; }

# The engines' containers live under the cgroup parent /infosync-swN. A stopped engine leaves it empty; one that
# was killed leaves its containers running there (in network namespaces of their own, so the namespace's pid list
# misses them): they are killed here, then the cgroups go.
remove_cgroups() {
  local dir pids
  for dir in /sys/fs/cgroup/pids/"$1" /sys/fs/cgroup/"$1"; do
    [[ -e "$dir/cgroup.procs" ]] || continue
    mapfile -t pids < <(cgroup_procs "$dir")
    if ((${#pids[@]} > 0)); then
      kill -KILL "${pids[@]}" 2>/dev/null || true
      wait_for 10 cgroup_empty "$dir" || die "processes ${pids[*]} in cgroup $dir still run 10 s after SIGKILL"
    fi
  done
  for dir in /sys/fs/cgroup/*/"$1" /sys/fs/cgroup/"$1"; do
    [[ -d "$dir" ]] || continue
    find "$dir" -depth -type d -exec rmdir {} + 2>/dev/null || true
  done
}
