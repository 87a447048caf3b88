#!/usr/bin/env bash
# Brings up the jump-host part of the rig, for the ProxyJump tests: a network namespace joined to this one by a
# veth pair, holding two sshds of their own. The jump sshd listens on the namespace's veth address, which this
# namespace reaches; the target sshd listens only on the namespace's own loopback, so nothing outside the
# namespace can reach it except through a jump host's forwarded channel. Both share this machine's users, files
# and Docker socket, so a deploy through the jump drives the rig's Docker engine. The jump's host key is also
# certified by the rig's host CA, for the @cert-authority tests. Idempotent; needs tests/rig/up.sh first.
# Writes $RIG_DIR/jump/jump.json. Torn down by tests/rig/jump-down.sh.
set -Eeuo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$RIG_SCRIPT_DIR/jump-lib.sh"

require_root
load_rig_env
exec 9>"$RIG_DIR/.jump.lock"
flock -w 60 9 || die "another jump-up.sh or jump-down.sh holds $RIG_DIR/.jump.lock"
mkdir -p "$JUMP_DIR"
chmod 755 "$JUMP_DIR"

ensure_namespace() {
  if [[ ! -e "$JUMP_NETNS_PATH" ]]; then
    # A leftover root-side link (a namespace removed by hand) would stop the pair from being made.
    ip link del "$JUMP_VETH_ROOT" 2>/dev/null || true
    local taken
    taken="$(ip -o -4 addr show to "$JUMP_SUBNET" | awk '{print $2}')"
    [[ -z "$taken" ]] || die "$JUMP_SUBNET is already used here (by $taken); pick another subnet in jump-lib.sh"
    quietly "ip netns add $JUMP_NETNS" ip netns add "$JUMP_NETNS"
  fi
  if ! ip link show "$JUMP_VETH_ROOT" >/dev/null 2>&1; then
    quietly "creating the veth pair" ip link add "$JUMP_VETH_ROOT" type veth peer name "$JUMP_VETH_NS" netns "$JUMP_NETNS"
  fi
  ip -n "$JUMP_NETNS" link set lo up
  ip -n "$JUMP_NETNS" link set "$JUMP_VETH_NS" up
  ip link set "$JUMP_VETH_ROOT" up
  ip addr replace "$JUMP_ADDR_ROOT/30" dev "$JUMP_VETH_ROOT"
  ip -n "$JUMP_NETNS" addr replace "$JUMP_ADDR_NS/30" dev "$JUMP_VETH_NS"
}

ensure_keys() {
  local k
  for k in jump target; do
    [[ -s "$JUMP_DIR/${k}_host_ed25519_key" ]] \
      || quietly "ssh-keygen ($k host key)" ssh-keygen -q -t ed25519 -N '' -C "infosync-rig-$k" -f "$JUMP_DIR/${k}_host_ed25519_key"
  done
  for k in host_ca other_ca; do
    [[ -s "$JUMP_DIR/$k" ]] || quietly "ssh-keygen ($k)" ssh-keygen -q -t ed25519 -N '' -C "infosync-rig-$k" -f "$JUMP_DIR/$k"
  done
  chmod 600 "$JUMP_DIR"/*_key "$JUMP_DIR/host_ca" "$JUMP_DIR/other_ca"
  # The jump's host certificate: signed by host_ca for its address; re-signed when missing or not the key's.
  local cert="$JUMP_DIR/jump_host_ed25519_key-cert.pub"
  if [[ ! -s "$cert" ]] || ! ssh-keygen -L -f "$cert" 2>/dev/null | grep -qF "$(ssh-keygen -l -f "$JUMP_DIR/jump_host_ed25519_key.pub" | cut -d' ' -f2)"; then
    quietly "signing the jump's host certificate" ssh-keygen -q -s "$JUMP_DIR/host_ca" -I infosync-rig-jump -h \
      -n "$JUMP_ADDR_NS" -V always:forever "$JUMP_DIR/jump_host_ed25519_key.pub"
  fi
}

# $1 name, $2 listen address, $3 extra config lines.
sshd_config() {
  printf '%s\n' "# The rig's $1 sshd in network namespace $JUMP_NETNS; the system's sshd_config is not read." \
    "ListenAddress $2" \
    "HostKey $JUMP_DIR/${1}_host_ed25519_key" \
    "PidFile $JUMP_DIR/$1-sshd.pid" \
    "$(sshd_common_config "$SSH_USERNAME")" \
    "$3"
}

in_namespace() { nsenter --net="$JUMP_NETNS_PATH" "$@"; }

banner_from() {
  in_namespace bash -c 'exec 3<>"/dev/tcp/$1/$2" && IFS= read -r -t 5 line <&3 && [[ "$line" == SSH-2.0-* ]]' banner "$1" "$2"
}

# $1 name, $2 address, $3 port, $4 extra config lines.
ensure_sshd() {
  local name="$1" config="$JUMP_DIR/$1-sshd_config" restart=false
  write_if_changed "$config" "$(sshd_config "$name" "$2:$3" "$4")" && restart=true
  quietly "sshd -t ($name)" /usr/sbin/sshd -t -f "$config"
  if ! $restart && pid_alive sshd "$JUMP_DIR/$name-sshd.pid" && banner_from "$2" "$3" 2>/dev/null; then return; fi
  stop_pid sshd "$JUMP_DIR/$name-sshd.pid" 10
  mkdir -p /run/sshd
  quietly "starting the $name sshd" in_namespace /usr/sbin/sshd -f "$config" -E "$JUMP_DIR/$name-sshd.log" 9>&-
  wait_for 10 banner_from "$2" "$3" || die "the $name sshd does not answer on $2:$3 in $JUMP_NETNS; see $JUMP_DIR/$name-sshd.log"
}

pub() { cut -d' ' -f1,2 "$1"; }

write_files() {
  write_if_changed "$JUMP_DIR/known_hosts" "$(<"$SSH_KNOWN_HOSTS")
$JUMP_ADDR_NS $(pub "$JUMP_DIR/jump_host_ed25519_key.pub")
[$JUMP_TARGET_ADDR]:$JUMP_TARGET_PORT $(pub "$JUMP_DIR/target_host_ed25519_key.pub")" || true
  chmod 644 "$JUMP_DIR/known_hosts"
  local json
  json="{
  \"RIG_JUMP_HOST\": \"$JUMP_ADDR_NS\",
  \"RIG_JUMP_PORT\": \"$JUMP_PORT\",
  \"RIG_JUMP_SOURCE_ADDRESS\": \"$JUMP_ADDR_ROOT\",
  \"RIG_JUMP_TARGET_HOST\": \"$JUMP_TARGET_ADDR\",
  \"RIG_JUMP_TARGET_PORT\": \"$JUMP_TARGET_PORT\",
  \"RIG_JUMP_KNOWN_HOSTS\": \"$JUMP_DIR/known_hosts\",
  \"RIG_JUMP_SSHD_LOG\": \"$JUMP_DIR/jump-sshd.log\",
  \"RIG_JUMP_TARGET_SSHD_LOG\": \"$JUMP_DIR/target-sshd.log\",
  \"RIG_JUMP_HOST_CA\": \"$(pub "$JUMP_DIR/host_ca.pub")\",
  \"RIG_JUMP_OTHER_CA\": \"$(pub "$JUMP_DIR/other_ca.pub")\",
  \"RIG_JUMP_HOST_KEY\": \"$(pub "$JUMP_DIR/jump_host_ed25519_key.pub")\",
  \"RIG_JUMP_TARGET_HOST_KEY\": \"$(pub "$JUMP_DIR/target_host_ed25519_key.pub")\"
}"
  write_if_changed "$JUMP_DIR/jump.json" "$json" || true
}

ensure_namespace
ensure_keys
ensure_sshd jump "$JUMP_ADDR_NS" "$JUMP_PORT" "HostCertificate $JUMP_DIR/jump_host_ed25519_key-cert.pub
AllowTcpForwarding yes"
ensure_sshd target "$JUMP_TARGET_ADDR" "$JUMP_TARGET_PORT" "AllowTcpForwarding no"
write_files
# The premise of the tests: this namespace cannot reach the target; it can reach the jump host.
if (exec 3<>"/dev/tcp/$JUMP_TARGET_ADDR/$JUMP_TARGET_PORT") 2>/dev/null; then
  die "something in this namespace listens on $JUMP_TARGET_ADDR:$JUMP_TARGET_PORT, so the target would not need the jump"
fi
(exec 3<>"/dev/tcp/$JUMP_ADDR_NS/$JUMP_PORT") 2>/dev/null || die "the jump host $JUMP_ADDR_NS:$JUMP_PORT is not reachable from here"
