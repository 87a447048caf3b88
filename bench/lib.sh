# Shared settings and helpers of the benchmarks. Sourced, not executed.
# shellcheck shell=bash

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_ROOT/.." && pwd)"
RIG_ENV="${INFOSYNC_RIG_DIR:-/var/lib/infosync-rig}/rig.env"
# Our own environment: the test suite resets the dev, pilot and stage dirs and ports 18081-18093 concurrently.
BENCH_DIR=/usr/local/infosync-bench
WEB_PORT=18100
SIDECAR_PORT=18101
# The web container, found the way Compose itself finds it.
WEB_FILTER="--filter label=com.docker.compose.project=$(basename "$BENCH_DIR") --filter label=com.docker.compose.service=web"
PROBER="$BENCH_ROOT/Prober/bin/Release/net10.0/Prober.dll"

die() {
  printf 'bench: error: %s\n' "$*" >&2
  exit 1
}

[[ -r "$RIG_ENV" ]] || die "$RIG_ENV not found: run tests/rig/up.sh first"
# shellcheck source=/dev/null
source "$RIG_ENV"
REPOSITORY="$HARBOR_HOST/$HARBOR_PROJECT/$IMAGE_NAME"

# The pids of the rig's daemons: when they change during a round, someone restarted the rig under it.
rig_pids() {
  cat "$RIG_DIR/dockerd.pid" "$RIG_DIR/registry/registry.pid" "$RIG_SSHD_PID_FILE" 2>/dev/null | paste -sd' '
}

now_us() {
  local t="$EPOCHREALTIME"
  printf '%s\n' "${t/./}"
}

# Appends one sample: metric, variant, run number, value.
record() {
  printf '%s\t%s\t%s\t%s\n' "$@" >>"$RESULTS"
}

# ssh as deployer with the rig's key; the host key is checked against the rig's known_hosts.
SSH_DEPLOYER=(ssh -i "$RIG_SSH_PRIVATE_KEY" -p "$SSH_PORT" -o BatchMode=yes -o StrictHostKeyChecking=yes
  -o UserKnownHostsFile="$SSH_KNOWN_HOSTS" -o LogLevel=ERROR "$SSH_USERNAME@$SSH_HOST")
ssh_deployer() { "${SSH_DEPLOYER[@]}" "$@"; }

# The tool's settings for our environment: the same key as ssh_deployer (no password, so it cannot fall back to
# one), and the default health settle time unless a run passes --health-settle.
TOOL_ENV=(env -u SSH_PASSWORD -u DEV_SSH_PASSWORD -u HEALTH_SETTLE -u DEV_HEALTH_SETTLE
  SSH_PRIVATE_KEY="$RIG_SSH_PRIVATE_KEY" DEV_DEPLOY_DIR="$BENCH_DIR" BUILD_CONTEXT="$REPO_ROOT/example-app")
TOOL=("${TOOL_ENV[@]}" "$REPO_ROOT/build.sh")

# What every report's machine table shows, as "key<tab>value" lines of facts.tsv: CPU, RAM, OS, Docker, the
# Compose the deployer runs on the server, .NET.
machine_facts() {
  printf '%s\t%s\n' \
    cpu "$(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(nproc) cores" \
    ram "$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)" \
    os "$(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r)" \
    docker "$(docker version --format 'client {{.Client.Version}}, engine {{.Server.Version}}')" \
    compose "docker compose $(ssh_deployer docker compose version --short)" \
    dotnet "SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/^Microsoft.NETCore.App/ { v = $2 } END { print v }')"
}

# Builds and pushes REPOSITORY:<tag>, the base image with a command that exits at once (the test suite's
# ExitsAtStart): a deploy of it fails its health gate. The login is in a client config of its own, removed after.
push_exiting_image() {
  local tag="$1" work rc=0
  work="$(mktemp -d)"
  mkdir -m 700 "$work/docker-config"
  printf 'FROM %s\nCMD ["sh", "-c", "echo starting; echo fatal: no config >&2; exit 3"]\n' "$RIG_BASE_IMAGE" >"$work/Dockerfile"
  printf '%s\n' "$HARBOR_PASSWORD" | DOCKER_CONFIG="$work/docker-config" \
    docker login --username "$HARBOR_USERNAME" --password-stdin "$HARBOR_HOST" >/dev/null 2>&1 \
    && docker build --quiet -t "$REPOSITORY:$tag" "$work" >/dev/null 2>&1 \
    && DOCKER_CONFIG="$work/docker-config" docker push "$REPOSITORY:$tag" >/dev/null || rc=$?
  rm -rf "$work"
  ((rc == 0)) || die "building or pushing $tag failed"
}

current_tag() {
  sed -n "s|^ *image: $REPOSITORY:\(.*\)$|\1|p" "$BENCH_DIR/docker-compose.yml"
}

# The other image of the same size: every deploy changes the tag, so there is always something to do.
other_tag() {
  local size="$1" current
  current="$(current_tag)"
  if [[ "$current" == "bench-$size-a" ]]; then echo "bench-$size-b"; else echo "bench-$size-a"; fi
}

serves() {
  curl -fsS --max-time 1 "http://127.0.0.1:$WEB_PORT/" 2>/dev/null | grep -qF -- "<h1>infosync $1<"
}

# Waits until "$@" succeeds, polling every 0.05 s, for at most $1 seconds.
wait_for() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.05
  done
}

# Removes an image from the engine, which is the "server's" too, so that the next pull really downloads it.
# The image itself must go, not only the tag: under another name its layers would stay and the pull be a no-op.
unpull() {
  local id
  id="$(docker image inspect --format '{{.Id}}' "$REPOSITORY:$1" 2>/dev/null)" || return 0
  docker image rm --force "$id" >/dev/null
  ! docker image inspect "$id" >/dev/null 2>&1 || die "$REPOSITORY:$1 ($id) could not be removed"
}
