# The rig's two kinds of server on one host: the deploy users, their keys, and which Compose each may run.
# Sourced by up.sh, which sets the variables these functions read.
# shellcheck shell=bash

ensure_group() {
  getent group "$1" >/dev/null || quietly "groupadd $1" groupadd "$1"
}

# $1 user, $2... the supplementary groups it must have.
ensure_user() {
  local user="$1"; shift
  if ! id "$user" >/dev/null 2>&1; then
    quietly "useradd $user" useradd --create-home --shell /bin/bash "$user"
  fi
  local g
  for g in "$@"; do
    id -nG "$user" | tr ' ' '\n' | grep -qx "$g" || usermod -aG "$g" "$user"
  done
  [[ "$(getent passwd "$user" | cut -d: -f7)" == /bin/bash ]] || usermod -s /bin/bash "$user"
  printf '%s:%s\n' "$user" "$SSH_PASSWORD" | chpasswd
  local home auth
  home="$(getent passwd "$user" | cut -d: -f6)"
  auth="$home/.ssh/authorized_keys"
  install -d -m 700 -o "$user" -g "$user" "$home/.ssh"
  touch "$auth"
  local pub
  for pub in "$SSH_DIR/deployer_ed25519.pub" "$SSH_DIR/deployer_ed25519_encrypted.pub"; do
    grep -qxF "$(<"$pub")" "$auth" || cat "$pub" >>"$auth"
  done
  chown "$user:$user" "$auth"
  chmod 600 "$auth"
}

ensure_deployer() {
  mkdir -p "$SSH_DIR"
  chmod 755 "$SSH_DIR"
  if [[ ! -s "$SSH_DIR/deployer_ed25519" ]]; then
    quietly "ssh-keygen (deployer)" ssh-keygen -q -t ed25519 -N '' -C "deployer@infosync-rig" -f "$SSH_DIR/deployer_ed25519"
  fi
  # A second key, encrypted, for the passphrase tests. ssh-keygen takes a passphrase only in argv or from a
  # terminal: this one is the rig's own test value, and no test samples the process list while up.sh runs.
  local encrypted="$SSH_DIR/deployer_ed25519_encrypted"
  if [[ ! -s "$encrypted" ]] || ! ssh-keygen -y -P "$SSH_KEY_PASSPHRASE" -f "$encrypted" >/dev/null 2>&1; then
    rm -f "$encrypted" "$encrypted.pub"
    quietly "ssh-keygen (deployer, encrypted)" ssh-keygen -q -t ed25519 -N "$SSH_KEY_PASSPHRASE" \
      -C "deployer-encrypted@infosync-rig" -f "$encrypted"
  fi
  chmod 600 "$SSH_DIR/deployer_ed25519" "$encrypted"
  local g
  for g in deployers compose-v1 compose-v2; do ensure_group "$g"; done
  ensure_user "$SSH_USERNAME" docker deployers compose-v2
  ensure_user "$SSH_USERNAME_V1" docker deployers compose-v1
  # Each user runs exactly one Compose, whatever an earlier rig gave it.
  if id -nG "$SSH_USERNAME" | tr ' ' '\n' | grep -qx compose-v1; then gpasswd -d "$SSH_USERNAME" compose-v1 >/dev/null; fi
  if id -nG "$SSH_USERNAME_V1" | tr ' ' '\n' | grep -qx compose-v2; then gpasswd -d "$SSH_USERNAME_V1" compose-v2 >/dev/null; fi
}

# Compose v2 is not in Debian 12: the plugin binary comes from Debian 13's docker-compose package, fetched once
# with a sources list of its own so that nothing else of Debian 13 reaches this system.
fetch_compose_v2() {
  local cache="$RIG_DIR/compose-v2" uri work
  [[ -x "$cache/docker-compose-$COMPOSE_V2_VERSION" ]] && return
  uri="$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)"
  [[ -n "$uri" ]] || uri="$(awk '/^deb / { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)"
  [[ -n "$uri" ]] || die "no Debian mirror found in /etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list"
  work="$(mktemp -d)"
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main" >"$work/sources.list"
  local apt=(apt-get -q -o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o APT::Sandbox::User=root)
  quietly "apt-get update (Debian 13 lists, for Compose v2)" "${apt[@]}" update
  quietly "apt-get download docker-compose=$COMPOSE_V2_VERSION" bash -c 'cd "$1" && shift && "$@"' download \
    "$work" "${apt[@]}" download "docker-compose=$COMPOSE_V2_VERSION"
  quietly "unpacking Compose v2" dpkg-deb -x "$work/docker-compose_${COMPOSE_V2_VERSION}_amd64.deb" "$work/root"
  mkdir -p "$cache"
  install -m 755 "$work/root/usr/libexec/docker/cli-plugins/docker-compose" "$cache/docker-compose-$COMPOSE_V2_VERSION"
  rm -rf "$work"
}

# Which users may run which Compose: dpkg-statoverride keeps v1's mode across package upgrades.
ensure_compose() {
  fetch_compose_v2
  mkdir -p "$(dirname "$COMPOSE_V2_PLUGIN")"
  cmp -s "$RIG_DIR/compose-v2/docker-compose-$COMPOSE_V2_VERSION" "$COMPOSE_V2_PLUGIN" \
    || install -m 750 -o root -g compose-v2 "$RIG_DIR/compose-v2/docker-compose-$COMPOSE_V2_VERSION" "$COMPOSE_V2_PLUGIN"
  chown root:compose-v2 "$COMPOSE_V2_PLUGIN"
  chmod 750 "$COMPOSE_V2_PLUGIN"
  if ! dpkg-statoverride --list "$COMPOSE_V1_PROGRAM" >/dev/null; then
    quietly "dpkg-statoverride $COMPOSE_V1_PROGRAM" dpkg-statoverride --update --add root compose-v1 0750 "$COMPOSE_V1_PROGRAM"
  fi
  local user
  runuser -u "$SSH_USERNAME" -- docker compose version >/dev/null 2>&1 || die "$SSH_USERNAME cannot run docker compose"
  runuser -u "$SSH_USERNAME" -- sh -c 'p=$(command -v docker-compose) && [ -x "$p" ]' \
    && die "$SSH_USERNAME can run docker-compose (v1); it must have only v2"
  runuser -u "$SSH_USERNAME_V1" -- docker-compose version >/dev/null 2>&1 || die "$SSH_USERNAME_V1 cannot run docker-compose"
  runuser -u "$SSH_USERNAME_V1" -- docker compose version >/dev/null 2>&1 \
    && die "$SSH_USERNAME_V1 can run docker compose (v2); it must have only v1"
  return 0
}
