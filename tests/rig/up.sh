#!/usr/bin/env bash
# Brings up the integration-test rig: dockerd, a TLS registry with htpasswd auth, an sshd with
# a deployer account, a busybox base image, the rolling layout's proxy image (proxy.sh) and the three
# deploy directories. Idempotent: what already runs and answers is left alone. Writes $RIG_DIR/rig.env and
# $RIG_DIR/rig.json.
set -Eeuo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/servers.sh"
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"

PACKAGES=(docker.io docker-compose openssh-server docker-registry apache2-utils busybox-static
  rsync curl ca-certificates openssl)

REGISTRY_HOST=localhost:5443
REGISTRY_LISTEN=127.0.0.1:5443
# Harbor's CI credentials are robot accounts, robot$<project>+<name>: a '$' and a '+' every hop must keep.
HARBOR_USERNAME='robot$infosync+ci'
HARBOR_PASSWORD=$'Harbor pw;\'"$(id)&|'
SSH_PORT=2222
SSH_USERNAME=deployer
# A server of each kind on one host: deployer may run only Compose v2 (`docker compose`), deployer-v1 only
# Compose v1 (`docker-compose`). Each program is executable by its group alone.
SSH_USERNAME_V1=deployer-v1
COMPOSE_V2_VERSION=2.26.1-4
COMPOSE_V2_PLUGIN=/usr/local/lib/docker/cli-plugins/docker-compose
COMPOSE_V1_PROGRAM=/usr/bin/docker-compose
SSH_PASSWORD=$'Deploy pw;\'"$(id)&|'
SSH_KEY_PASSPHRASE=$'Key pw;\'"$(id)&|'
BASE_IMAGE=infosync-base:busybox
# PowerShell for the build.ps1 tests: the NuGet .NET tool (the only source this machine reaches), kept in the rig dir.
PWSH_VERSION=7.6.9
ENVS=(dev pilot stage)
declare -A WEB_PORT=([dev]=18081 [pilot]=18082 [stage]=18083)
declare -A SIDECAR_PORT=([dev]=18091 [pilot]=18092 [stage]=18093)

TLS_DIR="$RIG_DIR/tls"
REG_DIR="$RIG_DIR/registry"
SSH_DIR="$RIG_DIR/ssh"
PWSH_DIR="$RIG_DIR/tools/pwsh"

install_packages() {
  local missing=() p
  if ! command -v dpkg-query >/dev/null; then
    for p in dockerd docker-compose sshd docker-registry htpasswd busybox rsync curl openssl; do
      command -v "$p" >/dev/null || [[ -x /usr/sbin/$p ]] || missing+=("$p")
    done
    ((${#missing[@]} == 0)) || die "not a Debian system and missing: ${missing[*]}"
    return
  fi
  local installed
  installed="$(dpkg-query -W -f='${Package} ${Status}\n' "${PACKAGES[@]}" 2>/dev/null || true)"
  for p in "${PACKAGES[@]}"; do
    [[ $'\n'"$installed"$'\n' == *$'\n'"$p install ok installed"$'\n'* ]] || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return
  command -v apt-get >/dev/null || die "missing packages and no apt-get: ${missing[*]}"
  # Keep the packages' own services (docker, ssh on :22, registry on :5000) from starting.
  local policy_added=false
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    policy_added=true
  fi
  local rc=0
  (
    export DEBIAN_FRONTEND=noninteractive
    quietly "apt-get update" apt-get update -q
    quietly "apt-get install ${missing[*]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
  ) || rc=$?
  if $policy_added; then rm -f /usr/sbin/policy-rc.d; fi
  ((rc == 0)) || exit "$rc"
}

ensure_tls() {
  mkdir -p "$TLS_DIR"
  chmod 755 "$TLS_DIR"
  if [[ ! -s "$TLS_DIR/ca.crt" || ! -s "$TLS_DIR/ca.key" ]] \
    || ! openssl x509 -checkend 86400 -noout -in "$TLS_DIR/ca.crt" >/dev/null 2>&1; then
    quietly "generating the rig CA" openssl req -x509 -new -nodes -newkey rsa:2048 -sha256 -days 3650 \
      -subj "/CN=infosync test rig CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      -keyout "$TLS_DIR/ca.key" -out "$TLS_DIR/ca.crt"
    rm -f "$TLS_DIR/server.crt"
  fi
  if [[ ! -s "$TLS_DIR/server.crt" || ! -s "$TLS_DIR/server.key" ]] \
    || ! openssl verify -CAfile "$TLS_DIR/ca.crt" "$TLS_DIR/server.crt" >/dev/null 2>&1 \
    || ! openssl x509 -checkend 86400 -noout -in "$TLS_DIR/server.crt" >/dev/null 2>&1; then
    printf '%s\n' "subjectAltName=DNS:localhost,IP:127.0.0.1" "basicConstraints=CA:FALSE" \
      "keyUsage=critical,digitalSignature,keyEncipherment" "extendedKeyUsage=serverAuth" >"$TLS_DIR/server.ext"
    quietly "generating the registry key" openssl req -new -nodes -newkey rsa:2048 -sha256 \
      -subj "/CN=localhost" -keyout "$TLS_DIR/server.key" -out "$TLS_DIR/server.csr"
    quietly "signing the registry certificate" openssl x509 -req -sha256 -days 825 \
      -in "$TLS_DIR/server.csr" -CA "$TLS_DIR/ca.crt" -CAkey "$TLS_DIR/ca.key" -CAcreateserial \
      -extfile "$TLS_DIR/server.ext" -out "$TLS_DIR/server.crt"
    rm -f "$TLS_DIR/server.csr" "$TLS_DIR/server.ext"
  fi
  chmod 600 "$TLS_DIR/ca.key" "$TLS_DIR/server.key"
  chmod 644 "$TLS_DIR/ca.crt" "$TLS_DIR/server.crt"
  mkdir -p "/etc/docker/certs.d/$REGISTRY_HOST"
  cmp -s "$TLS_DIR/ca.crt" "/etc/docker/certs.d/$REGISTRY_HOST/ca.crt" \
    || install -m 644 "$TLS_DIR/ca.crt" "/etc/docker/certs.d/$REGISTRY_HOST/ca.crt"
}

ensure_dockerd() {
  if docker info >/dev/null 2>&1; then
    # An engine started elsewhere (or by an overlapping run) is the one the fault tests must signal.
    pid_alive dockerd "$RIG_DIR/dockerd.pid" || { [[ -s /var/run/docker.pid ]] && cp /var/run/docker.pid "$RIG_DIR/dockerd.pid"; }
    return
  fi
  command -v dockerd >/dev/null || die "dockerd not found"
  if pid_alive dockerd "$RIG_DIR/dockerd.pid"; then
    wait_for 60 docker info || die "dockerd (pid $(<"$RIG_DIR/dockerd.pid")) does not answer; see $RIG_DIR/dockerd.log"
    return
  fi
  start_daemon "$RIG_DIR/dockerd.log" dockerd
  echo $! >"$RIG_DIR/dockerd.pid"
  local deadline=$((SECONDS + 60))
  until docker info >/dev/null 2>&1; do
    if ! kill -0 "$(<"$RIG_DIR/dockerd.pid")" 2>/dev/null; then
      tail -n 20 "$RIG_DIR/dockerd.log" | sed 's/^/  | /' >&2
      die "dockerd exited; full log: $RIG_DIR/dockerd.log"
    fi
    ((SECONDS < deadline)) || die "dockerd did not answer within 60 s; see $RIG_DIR/dockerd.log"
    sleep 0.2
  done
}

registry_answers() {
  [[ "$(curl -s -o /dev/null -w '%{http_code}' -K "$REG_DIR/curl.conf" "https://$REGISTRY_HOST/v2/" 2>/dev/null)" == 200 ]]
}

ensure_registry() {
  mkdir -p "$REG_DIR/data"
  local restart=false
  write_if_changed "$REG_DIR/config.yml" "version: 0.1
log:
  level: info
  fields:
    service: registry
storage:
  filesystem:
    rootdirectory: $REG_DIR/data
  delete:
    enabled: true
http:
  addr: $REGISTRY_LISTEN
  tls:
    certificate: $TLS_DIR/server.crt
    key: $TLS_DIR/server.key
  headers:
    X-Content-Type-Options: [nosniff]
auth:
  htpasswd:
    realm: infosync-rig
    path: $REG_DIR/htpasswd" && restart=true

  if ! printf '%s\n' "$HARBOR_PASSWORD" | htpasswd -i -v "$REG_DIR/htpasswd" "$HARBOR_USERNAME" >/dev/null 2>&1; then
    printf '%s\n' "$HARBOR_PASSWORD" | quietly "htpasswd" htpasswd -B -i -c "$REG_DIR/htpasswd" "$HARBOR_USERNAME"
    restart=true
  fi
  chmod 600 "$REG_DIR/htpasswd"

  # curl reads the credentials from this file (-K), so they never appear in argv.
  local user="$HARBOR_USERNAME:$HARBOR_PASSWORD"
  user="${user//\\/\\\\}"
  user="${user//\"/\\\"}"
  (umask 077; write_if_changed "$REG_DIR/curl.conf" "cacert = \"$TLS_DIR/ca.crt\"
user = \"$user\"" || true)
  chmod 600 "$REG_DIR/curl.conf"

  if ! $restart && pid_alive docker-registry "$REG_DIR/registry.pid" && registry_answers; then return; fi
  stop_pid docker-registry "$REG_DIR/registry.pid" 10
  if (exec 3<>/dev/tcp/127.0.0.1/5443) 2>/dev/null; then
    registry_answers && pgrep -xo docker-registry >"$REG_DIR/registry.pid" && return
    die "port 5443 is taken by something that is not this rig's registry"
  fi
  start_daemon "$REG_DIR/registry.log" docker-registry serve "$REG_DIR/config.yml"
  echo $! >"$REG_DIR/registry.pid"
  wait_for 20 registry_answers || {
    tail -n 20 "$REG_DIR/registry.log" | sed 's/^/  | /' >&2
    die "registry does not answer on https://$REGISTRY_HOST/v2/; see $REG_DIR/registry.log"
  }
}

sshd_answers() {
  local banner
  banner="$(exec 3<>"/dev/tcp/127.0.0.1/$SSH_PORT" && IFS= read -r -t 5 line <&3 && printf '%s' "$line")" 2>/dev/null || return 1
  [[ "$banner" == SSH-2.0-* ]]
}

ensure_sshd() {
  local t restart=false
  mkdir -p /run/sshd
  chmod 755 /run/sshd
  for t in ed25519 ecdsa rsa; do
    [[ -s "$SSH_DIR/ssh_host_${t}_key" ]] \
      || quietly "ssh-keygen (host $t)" ssh-keygen -q -t "$t" -N '' -C "infosync-rig" -f "$SSH_DIR/ssh_host_${t}_key"
  done
  write_if_changed "$SSH_DIR/sshd_config" "# The rig's own sshd; the system's sshd_config is not read.
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $SSH_DIR/ssh_host_ed25519_key
HostKey $SSH_DIR/ssh_host_ecdsa_key
HostKey $SSH_DIR/ssh_host_rsa_key
PidFile $RIG_DIR/sshd.pid
$(sshd_common_config "$SSH_USERNAME $SSH_USERNAME_V1")" && restart=true
  quietly "sshd -t (config check)" /usr/sbin/sshd -t -f "$SSH_DIR/sshd_config"

  if ! $restart && pid_alive sshd "$RIG_DIR/sshd.pid" && sshd_answers; then return; fi
  stop_pid sshd "$RIG_DIR/sshd.pid" 10
  (exec 3<>/dev/tcp/127.0.0.1/$SSH_PORT) 2>/dev/null && die "port $SSH_PORT is taken by something that is not this rig's sshd"
  # sshd daemonizes itself and writes the pid file; -E appends its log to our file.
  quietly "starting sshd" /usr/sbin/sshd -f "$SSH_DIR/sshd_config" -E "$RIG_DIR/sshd.log" 9>&-
  wait_for 10 sshd_answers || die "sshd does not answer on 127.0.0.1:$SSH_PORT; see $RIG_DIR/sshd.log"
}

write_known_hosts() {
  local t lines=""
  for t in ed25519 ecdsa rsa; do
    lines+="[127.0.0.1]:$SSH_PORT $(cut -d' ' -f1,2 "$SSH_DIR/ssh_host_${t}_key.pub")"$'\n'
  done
  write_if_changed "$SSH_DIR/known_hosts" "${lines%$'\n'}" || true
  chmod 644 "$SSH_DIR/known_hosts"
}

fingerprint() {
  ssh-keygen -l -E sha256 -f "$SSH_DIR/ssh_host_$1_key.pub" | cut -d' ' -f2
}

ensure_base_image() {
  docker image inspect "$BASE_IMAGE" >/dev/null 2>&1 && return
  local busybox root a applets
  busybox="$(command -v busybox)"
  applets="$("$busybox" --list)"
  [[ $'\n'"$applets"$'\n' == *$'\nhttpd\n'* ]] || die "$busybox has no httpd applet (install busybox-static)"
  root="$(mktemp -d)"
  mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,var/www,root,proc,sys,dev}
  chmod 1777 "$root/tmp"
  cp "$busybox" "$root/bin/busybox"
  for a in $applets; do
    [[ "$a" == busybox ]] || ln -s busybox "$root/bin/$a"
  done
  ln -s /bin/env "$root/usr/bin/env"
  printf '%s\n' "root:x:0:0:root:/root:/bin/sh" "nobody:x:65534:65534:nobody:/:/bin/false" >"$root/etc/passwd"
  printf '%s\n' "root:x:0:" "nogroup:x:65534:" >"$root/etc/group"
  quietly "docker import $BASE_IMAGE" bash -c 'tar -C "$1" -c . | docker import \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "CMD [\"/bin/sh\"]" - "$2"' import "$root" "$BASE_IMAGE"
  rm -rf "$root"
}

ensure_deploy_dirs() {
  local e
  for e in "${ENVS[@]}"; do
    install -d -m 755 -o "$SSH_USERNAME" -g "$SSH_USERNAME" "/usr/local/infosync-$e"
  done
}

write_rig_files() {
  local -a keys=() values=()
  add() { keys+=("$1"); values+=("$2"); }
  add RIG_DIR "$RIG_DIR"
  add HARBOR_HOST "$REGISTRY_HOST"
  add HARBOR_USERNAME "$HARBOR_USERNAME"
  add HARBOR_PASSWORD "$HARBOR_PASSWORD"
  add HARBOR_PROJECT infosync
  add IMAGE_NAME infosync
  add RIG_REGISTRY_CA "$TLS_DIR/ca.crt"
  add RIG_REGISTRY_CURL_CONFIG "$REG_DIR/curl.conf"
  add RIG_REGISTRY_LOG "$REG_DIR/registry.log"
  add SSH_HOST 127.0.0.1
  add SSH_PORT "$SSH_PORT"
  add SSH_USERNAME "$SSH_USERNAME"
  add RIG_SSH_USERNAME_V1 "$SSH_USERNAME_V1"
  add SSH_PASSWORD "$SSH_PASSWORD"
  add RIG_SSH_PRIVATE_KEY "$SSH_DIR/deployer_ed25519"
  add RIG_SSH_PRIVATE_KEY_ENCRYPTED "$SSH_DIR/deployer_ed25519_encrypted"
  add RIG_SSH_PRIVATE_KEY_PASSPHRASE "$SSH_KEY_PASSPHRASE"
  add SSH_KNOWN_HOSTS "$SSH_DIR/known_hosts"
  add RIG_SSH_FINGERPRINT_ED25519 "$(fingerprint ed25519)"
  add RIG_SSH_FINGERPRINT_ECDSA "$(fingerprint ecdsa)"
  add RIG_SSH_FINGERPRINT_RSA "$(fingerprint rsa)"
  add RIG_SSHD_LOG "$RIG_DIR/sshd.log"
  add RIG_SSHD_PID_FILE "$RIG_DIR/sshd.pid"
  add RIG_SSHD_PID "$(<"$RIG_DIR/sshd.pid")"
  add RIG_BASE_IMAGE "$BASE_IMAGE"
  add RIG_PWSH "$PWSH_DIR/pwsh"
  local e E
  for e in "${ENVS[@]}"; do
    E="${e^^}"
    add "RIG_DEPLOY_DIR_$E" "/usr/local/infosync-$e"
    add "RIG_WEB_PORT_$E" "${WEB_PORT[$e]}"
    add "RIG_SIDECAR_PORT_$E" "${SIDECAR_PORT[$e]}"
  done

  local env="# Written by tests/rig/up.sh; source it. Values are single-quoted shell words."$'\n'
  local json="{" sep="" i
  for i in "${!keys[@]}"; do
    env+="export ${keys[i]}=$(shell_quote "${values[i]}")"$'\n'
    json+="$sep"$'\n'"  $(json_quote "${keys[i]}"): $(json_quote "${values[i]}")"
    sep=","
  done
  json+=$'\n'"}"
  (umask 077
    write_if_changed "$RIG_DIR/rig.env" "${env%$'\n'}" || true
    write_if_changed "$RIG_DIR/rig.json" "$json" || true)
  chmod 600 "$RIG_DIR/rig.env" "$RIG_DIR/rig.json"

  # Both files must give back the exact robot user and hostile passwords.
  local got want="$HARBOR_USERNAME|$HARBOR_PASSWORD|$SSH_PASSWORD"
  got="$(bash -c 'source "$1"; printf "%s|%s|%s" "$HARBOR_USERNAME" "$HARBOR_PASSWORD" "$SSH_PASSWORD"' check "$RIG_DIR/rig.env")"
  [[ "$got" == "$want" ]] || die "rig.env does not round-trip the registry user and the passwords"
  if command -v jq >/dev/null; then
    got="$(jq -j '.HARBOR_USERNAME + "|" + .HARBOR_PASSWORD + "|" + .SSH_PASSWORD' "$RIG_DIR/rig.json")"
  elif command -v python3 >/dev/null; then
    got="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["HARBOR_USERNAME"]+"|"+d["HARBOR_PASSWORD"]+"|"+d["SSH_PASSWORD"], end="")' "$RIG_DIR/rig.json")"
  else
    got="$want" # nothing here parses JSON; json_quote stands alone
  fi
  [[ "$got" == "$want" ]] || die "rig.json does not round-trip the registry user and the passwords"
}

# End to end: key auth, password auth, known_hosts and the docker group, as the tool will use them.
check_ssh() {
  local ssh=(ssh -n -q -p "$SSH_PORT" -o UserKnownHostsFile="$SSH_DIR/known_hosts" -o StrictHostKeyChecking=yes
    -o GlobalKnownHostsFile=/dev/null -o ConnectTimeout=10)
  quietly "ssh with the deployer key" "${ssh[@]}" -o BatchMode=yes -o IdentitiesOnly=yes \
    -i "$SSH_DIR/deployer_ed25519" "$SSH_USERNAME@127.0.0.1" docker version --format '{{.Server.Version}}'
  # ssh reads the password from an askpass helper that prints it from the environment.
  local askpass="$RIG_DIR/askpass.sh"
  [[ -x "$askpass" ]] || { printf '#!/bin/sh\nprintf "%%s\\n" "$RIG_ASKPASS_SECRET"\n' >"$askpass"; chmod 700 "$askpass"; }
  RIG_ASKPASS_SECRET="$SSH_PASSWORD" SSH_ASKPASS="$askpass" SSH_ASKPASS_REQUIRE=force \
    quietly "ssh with the deployer password" "${ssh[@]}" -o PubkeyAuthentication=no \
    -o PreferredAuthentications=password -o NumberOfPasswordPrompts=1 "$SSH_USERNAME@127.0.0.1" true
}

main() {
  require_root
  mkdir -p "$RIG_DIR"
  chmod 755 "$RIG_DIR"
  exec 9>"$RIG_DIR/.lock"
  flock -w 300 9 || die "another up.sh holds $RIG_DIR/.lock"

  install_packages
  ensure_tls
  ensure_dockerd
  ensure_registry
  ensure_deployer
  ensure_compose
  ensure_sshd
  write_known_hosts
  ensure_base_image
  "$RIG_SCRIPT_DIR/proxy.sh"
  ensure_deploy_dirs
  ensure_pwsh
  write_rig_files
  check_ssh
}

main "$@"
