#!/usr/bin/env bash
# Brings up the Docker Swarm part of the rig, for the Swarm deploy tests: three network namespaces on one bridge,
# each with a Docker engine of its own, formed into a swarm of one manager and two workers, and an sshd in the
# manager's namespace whose sessions' `docker` drives the manager's engine. Each namespace reaches the rig's
# registry as localhost:5443, the name the tool uses, through two forwarders. No IPVS here, so services publish
# in mode=host. Idempotent; needs tests/rig/up.sh first; additive: the host's dockerd, registry and sshd are not
# touched, only one rule is added to DOCKER-USER. Writes $RIG_DIR/swarm.env. Torn down by tests/rig/swarm-down.sh.
set -Eeuo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$RIG_SCRIPT_DIR/swarm-lib.sh"

require_root
load_rig_env
mkdir -p "$SWARM_DIR/state" "$SWARM_SSH_DIR"
chmod 755 "$SWARM_DIR"
exec 9>"$SWARM_LOCK"
flock -w 120 9 || die "another swarm-up.sh or swarm-down.sh holds $SWARM_LOCK"

check_prerequisites() {
  local p
  for p in dockerd nsenter unshare iptables; do command -v "$p" >/dev/null || die "$p not found"; done
  if ! command -v socat >/dev/null; then
    (export DEBIAN_FRONTEND=noninteractive
      quietly "apt-get install socat" apt-get install -y -q --no-install-recommends socat)
  fi
  [[ -s "/etc/docker/certs.d/$SWARM_REGISTRY_HOST/ca.crt" ]] \
    || die "/etc/docker/certs.d/$SWARM_REGISTRY_HOST/ca.crt is missing: run tests/rig/up.sh first"
  iptables -w -S DOCKER-USER >/dev/null 2>&1 \
    || die "no DOCKER-USER chain: the host's dockerd must run and manage iptables"
}

ensure_network() {
  if ! ip link show "$SWARM_BRIDGE" >/dev/null 2>&1; then
    local taken
    taken="$(ip -o -4 addr show to "$SWARM_SUBNET" | awk '{print $2}')"
    [[ -z "$taken" ]] || die "$SWARM_SUBNET is already used here (by $taken); pick another subnet in swarm-lib.sh"
    quietly "creating bridge $SWARM_BRIDGE" ip link add "$SWARM_BRIDGE" type bridge
  fi
  ip addr replace "$SWARM_BRIDGE_ADDR/24" dev "$SWARM_BRIDGE"
  ip link set "$SWARM_BRIDGE" up
  local n name veth
  for n in "${SWARM_NODES[@]}"; do
    name="$(node_name "$n")" veth="$(node_veth "$n")"
    if [[ ! -e "$(node_netns_path "$n")" ]]; then
      # A leftover host-side link (a namespace removed by hand) would stop the pair from being made.
      ip link del "$veth" 2>/dev/null || true
      quietly "ip netns add $name" ip netns add "$name"
    fi
    if ! ip link show "$veth" >/dev/null 2>&1; then
      quietly "creating the veth pair of $name" ip link add "$veth" type veth peer name eth0 netns "$name"
    fi
    ip link set "$veth" master "$SWARM_BRIDGE" up
    ip -n "$name" link set lo up
    ip -n "$name" addr replace "$(node_addr "$n")/24" dev eth0
    ip -n "$name" link set eth0 up
  done
  # Docker's FORWARD policy is DROP, and bridged traffic passes through FORWARD: let the nodes talk to each other.
  iptables -w -C DOCKER-USER -i "$SWARM_BRIDGE" -o "$SWARM_BRIDGE" -j ACCEPT 2>/dev/null \
    || quietly "iptables -I DOCKER-USER" iptables -w -I DOCKER-USER -i "$SWARM_BRIDGE" -o "$SWARM_BRIDGE" -j ACCEPT
}

registry_answers_in() {
  [[ "$(in_node "$1" curl -s -o /dev/null -w '%{http_code}' -K "$RIG_REGISTRY_CURL_CONFIG" \
    "https://$SWARM_REGISTRY_HOST/v2/" 2>/dev/null)" == 200 ]]
}

# $1 pid file, $2.. socat's arguments (after nsenter, if any).
ensure_forwarder() {
  local pidfile="$1"; shift
  pid_alive socat "$pidfile" && return
  start_daemon "$SWARM_FORWARD_LOG" "$@"
  echo $! >"$pidfile"
}

ensure_forwarders() {
  ensure_forwarder "$SWARM_HOST_FORWARD_PIDFILE" socat \
    "TCP-LISTEN:$SWARM_REGISTRY_PORT,bind=$SWARM_BRIDGE_ADDR,reuseaddr,fork" "TCP:127.0.0.1:5443"
  local n
  for n in "${SWARM_NODES[@]}"; do
    mkdir -p "$(node_state_dir "$n")"
    ensure_forwarder "$(node_forward_pidfile "$n")" nsenter --net="$(node_netns_path "$n")" socat \
      "TCP-LISTEN:5443,bind=127.0.0.1,reuseaddr,fork" "TCP:$SWARM_BRIDGE_ADDR:$SWARM_REGISTRY_PORT"
  done
  for n in "${SWARM_NODES[@]}"; do
    wait_for 10 registry_answers_in "$n" \
      || die "no registry at https://$SWARM_REGISTRY_HOST/v2/ in $(node_name "$n"); see $SWARM_FORWARD_LOG"
  done
}

start_engine() {
  local n="$1" state run
  state="$(node_state_dir "$n")" run="$(node_run_dir "$n")"
  pid_alive dockerd "$(node_pidfile "$n")" && return
  # An engine killed, not stopped, leaves its pid file, and dockerd refuses to start while its pid has a /proc
  # entry (a zombie not reaped yet has one). Its containers still run: the restart is a reboot, they go first.
  rm -f "$(node_pidfile "$n")"
  remove_cgroups "$(node_name "$n")"
  mkdir -p "$state/docker" "$run/exec"
  chmod 755 "$run"
  # Its own config file, so a daemon.json written for the host's engine is not read here; and its own identity key,
  # not the host engine's /etc/docker/key.json (a setting of the config file only).
  write_if_changed "$state/daemon.json" "{\"deprecated-key-path\": \"$state/key.json\"}" || true
  # nsenter, not `ip netns exec`: that remounts /sys and dockerd then fails ("Devices cgroup isn't mounted").
  # unshare --uts gives the engine a hostname of its own, which becomes its swarm node's name.
  start_daemon "$(node_log "$n")" nsenter --net="$(node_netns_path "$n")" unshare --uts \
    sh -c 'hostname "$0" && exec "$@"' "$(node_name "$n")" \
    dockerd --config-file "$state/daemon.json" --data-root "$state/docker" --exec-root "$run/exec" \
    --pidfile "$(node_pidfile "$n")" -H "unix://$(node_socket "$n")" --group docker \
    --containerd-namespace "$(node_name "$n")" --containerd-plugins-namespace "$(node_name "$n")-plugins" \
    --bip "$(node_bip "$n")" --cgroup-parent "$(node_cgroup_parent "$n")"
  echo $! >"$state/starting.pid"
}

wait_engine() {
  local n="$1" deadline=$((SECONDS + 60)) starting
  starting="$(node_state_dir "$n")/starting.pid"
  until node_docker "$n" info >/dev/null 2>&1; do
    if [[ -s "$starting" ]] && ! kill -0 "$(<"$starting")" 2>/dev/null; then
      tail -n 20 "$(node_log "$n")" | sed 's/^/  | /' >&2
      die "the engine of $(node_name "$n") exited; full log: $(node_log "$n")"
    fi
    ((SECONDS < deadline)) || die "the engine of $(node_name "$n") did not answer within 60 s; see $(node_log "$n")"
    sleep 0.2
  done
  rm -f "$starting"
}

ensure_engines() {
  local n
  for n in "${SWARM_NODES[@]}"; do start_engine "$n"; done
  for n in "${SWARM_NODES[@]}"; do wait_engine "$n"; done
}

swarm_state() { node_docker "$1" info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}' 2>/dev/null; }

ready_nodes() {
  node_docker "$SWARM_MANAGER" node ls --format '{{.Hostname}} {{.Status}}' 2>/dev/null \
    | awk '$2 == "Ready" {print $1}' | sort | paste -sd' '
}

all_ready() {
  local want="" n
  for n in "${SWARM_NODES[@]}"; do want+="$(node_name "$n") "; done
  [[ "$(ready_nodes)" == "${want% }" ]]
}

ensure_swarm() {
  local manager="$SWARM_MANAGER" state
  state="$(swarm_state "$manager")"
  if [[ "$state" != "active true" ]]; then
    [[ "$state" == inactive* ]] \
      || quietly "leaving a broken swarm on $(node_name "$manager")" node_docker "$manager" swarm leave --force
    quietly "docker swarm init" node_docker "$manager" swarm init --advertise-addr "$(node_addr "$manager")" \
      --listen-addr "$(node_addr "$manager"):2377" \
      --default-addr-pool "$SWARM_ADDR_POOL" --default-addr-pool-mask-length 24
  fi
  local token members n id
  token="$(node_docker "$manager" swarm join-token -q worker)"
  members="$(node_docker "$manager" node ls --format '{{.ID}} {{.Status}}')"
  for n in "${SWARM_NODES[@]}"; do
    ((n != manager)) || continue
    state="$(swarm_state "$n")"
    id="$(node_docker "$n" info --format '{{.Swarm.NodeID}}' 2>/dev/null)"
    # A worker of another (an earlier) swarm, or one the manager no longer counts as Ready, joins afresh.
    if [[ "$state" == active* && -n "$id" ]] && grep -qx "$id Ready" <<<"$members"; then continue; fi
    [[ "$state" == inactive* ]] \
      || quietly "leaving the old swarm on $(node_name "$n")" node_docker "$n" swarm leave --force
    quietly "docker swarm join ($(node_name "$n"))" node_docker "$n" swarm join --advertise-addr "$(node_addr "$n")" \
      --listen-addr "$(node_addr "$n"):2377" --token "$token" "$(node_addr "$manager"):2377"
  done
  # Entries left Down by the rejoins above (same hostnames) would make `docker node ls` lie.
  wait_for 30 all_ready || true
  for id in $(node_docker "$manager" node ls --format '{{.ID}} {{.Status}}' | awk '$2 == "Down" {print $1}'); do
    quietly "docker node rm $id" node_docker "$manager" node rm --force "$id"
  done
  wait_for 30 all_ready || die "the swarm has not got its ${#SWARM_NODES[@]} nodes Ready after 30 s; Ready: $(ready_nodes)"
}

sshd_answers() {
  bash -c 'exec 3<>"/dev/tcp/$1/$2" && IFS= read -r -t 5 line <&3 && [[ "$line" == SSH-2.0-* ]]' banner \
    "$(node_addr "$SWARM_MANAGER")" "$SWARM_SSH_PORT"
}

ensure_sshd() {
  local manager="$SWARM_MANAGER" config="$SWARM_SSH_DIR/sshd_config" restart=false
  local key="$SWARM_SSH_DIR/ssh_host_ed25519_key"
  [[ -s "$key" ]] || quietly "ssh-keygen (host key)" ssh-keygen -q -t ed25519 -N '' -C infosync-rig-swarm -f "$key"
  chmod 600 "$key"
  write_if_changed "$config" "# The rig's swarm manager sshd, in network namespace $(node_name "$manager").
# The system's sshd_config is not read.
ListenAddress $(node_addr "$manager"):$SWARM_SSH_PORT
HostKey $key
PidFile $SWARM_SSHD_PIDFILE
$(sshd_common_config "$SSH_USERNAME")
# Every session's docker is the manager's engine, as on a real swarm manager.
SetEnv DOCKER_HOST=unix://$(node_socket "$manager")" && restart=true
  quietly "sshd -t (swarm manager)" /usr/sbin/sshd -t -f "$config"
  if ! $restart && pid_alive sshd "$SWARM_SSHD_PIDFILE" && sshd_answers 2>/dev/null; then return; fi
  stop_pid sshd "$SWARM_SSHD_PIDFILE" 10
  mkdir -p /run/sshd
  # In the engine's UTS namespace too, so `hostname` over SSH names the node.
  local uts
  uts="/proc/$(<"$(node_pidfile "$manager")")/ns/uts"
  quietly "starting the swarm manager's sshd" nsenter --net="$(node_netns_path "$manager")" --uts="$uts" \
    /usr/sbin/sshd -f "$config" -E "$SWARM_SSHD_LOG" 9>&-
  wait_for 10 sshd_answers \
    || die "the swarm manager's sshd does not answer on $(node_addr "$manager"):$SWARM_SSH_PORT; see $SWARM_SSHD_LOG"
}

write_files() {
  local manager="$SWARM_MANAGER" n names="" addrs="" sockets="" key="$SWARM_SSH_DIR/ssh_host_ed25519_key"
  write_if_changed "$SWARM_SSH_DIR/known_hosts" "$(node_addr "$manager") $(cut -d' ' -f1,2 "$key.pub")" || true
  chmod 644 "$SWARM_SSH_DIR/known_hosts"
  local -a lines=(
    "RIG_SWARM_MANAGER_HOST=$(node_addr "$manager")"
    "RIG_SWARM_SSH_PORT=$SWARM_SSH_PORT"
    "RIG_SWARM_KNOWN_HOSTS=$SWARM_SSH_DIR/known_hosts"
    "RIG_SWARM_SSH_FINGERPRINT_ED25519=$(ssh-keygen -l -E sha256 -f "$key.pub" | cut -d' ' -f2)"
    "RIG_SWARM_SSHD_LOG=$SWARM_SSHD_LOG"
    "RIG_SWARM_MANAGER_SOCKET=$(node_socket "$manager")"
    "RIG_SWARM_BRIDGE=$SWARM_BRIDGE"
    "RIG_SWARM_BRIDGE_ADDR=$SWARM_BRIDGE_ADDR"
    "RIG_SWARM_REGISTRY_HOST=$SWARM_REGISTRY_HOST"
  )
  for n in "${SWARM_NODES[@]}"; do
    names+=",$(node_name "$n")" addrs+=",$(node_addr "$n")" sockets+=",$(node_socket "$n")"
    lines+=("RIG_SWARM_NODE${n}_NAME=$(node_name "$n")" "RIG_SWARM_NODE${n}_ADDR=$(node_addr "$n")"
      "RIG_SWARM_NODE${n}_SOCKET=$(node_socket "$n")" "RIG_SWARM_NODE${n}_NETNS=$(node_netns_path "$n")"
      "RIG_SWARM_NODE${n}_LOG=$(node_log "$n")")
  done
  lines+=("RIG_SWARM_NODES=${names#,}" "RIG_SWARM_NODE_ADDRS=${addrs#,}" "RIG_SWARM_NODE_SOCKETS=${sockets#,}")
  # Plain KEY=value, no quotes: every value is one word of safe characters, so the file is both a shell file to
  # source and trivial to parse.
  local line body="# Written by tests/rig/swarm-up.sh; removed by swarm-down.sh. KEY=value, values without quotes."
  for line in "${lines[@]}"; do
    [[ "$line" =~ ^[A-Z0-9_]+=[A-Za-z0-9_.,:/+=-]+$ ]] || die "swarm.env: unsafe value in '$line'"
    body+=$'\n'"$line"
  done
  write_if_changed "$SWARM_ENV" "$body" || true
  chmod 644 "$SWARM_ENV"
}

# End to end, as the tool will use it: key auth against known_hosts, and the session's docker is the manager.
check_ssh() {
  local ssh=(ssh -n -q -p "$SWARM_SSH_PORT" -o UserKnownHostsFile="$SWARM_SSH_DIR/known_hosts"
    -o StrictHostKeyChecking=yes -o GlobalKnownHostsFile=/dev/null -o ConnectTimeout=10 -o BatchMode=yes
    -o IdentitiesOnly=yes -i "$RIG_SSH_PRIVATE_KEY" "$SSH_USERNAME@$(node_addr "$SWARM_MANAGER")")
  local got
  got="$("${ssh[@]}" 'docker info --format "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}" &&
    docker compose version --short' 2>&1)" \
    || die "ssh $SSH_USERNAME@$(node_addr "$SWARM_MANAGER") docker info failed: $got"
  [[ "$got" == $'active true\n'* ]] || die "over ssh, docker is not the swarm manager: $got"
}

check_prerequisites
ensure_network
ensure_forwarders
ensure_engines
ensure_swarm
ensure_sshd
write_files
check_ssh
