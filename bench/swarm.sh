#!/usr/bin/env bash
# Docker Swarm deploys on 1, 2 and 3 nodes beside a compose deploy, under one prober per serving node; writes
# bench/SWARM.md. Needs root. Holds the test suite's rig lock throughout: its swarm tests use our stack and tear down.
#   swarm.sh               a fresh swarm rig, one unmeasured round, SWARM_RUNS (default 8) rounds of four deploys
#                          (compose, swarm-1, swarm-2, swarm-3, order rotating), SWARM_FAIL_RUNS (default 3) pairs
#                          of deploys of an image that exits at start (failure_action rollback, pause), the
#                          report, clean-up, swarm-down.sh
#   swarm.sh --report DIR  writes bench/SWARM.md again from DIR/results.tsv and DIR/facts.tsv (a run's logs)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$BENCH_ROOT/rounds.sh" # rotated

# Our own corner of the rig: not the test suite's dirs and ports, nor run.sh's or rolling.sh's.
STACK_DIR=/usr/local/infosync-bench-swarm
STACK=infosync-dev # the stack DeployDev deploys; the suite's swarm tests use it too, hence the lock
STACK_PORT=18210
CMP_DIR=/usr/local/infosync-bench-swarmcmp
CMP_PROJECT="$(basename "$CMP_DIR")"
CMP_PORT=18120
MONITOR_S=2
FAIL_TAG=bench-exits
LOCK=/var/lock/infosync-rig.test.lock

say() { printf 'swarm: %s\n' "$*" >&2; }

# The report's text; every {{...}} is a cell report.sh fills (see its header).
template() {
  cat <<'MD'
<!-- Written by bench/swarm.sh from the raw data at the end (`bench/swarm.sh --report DIR` writes it again). -->
# Docker Swarm deploys on 1, 2 and 3 nodes, beside a compose deploy

Measured by `bench/swarm.sh` in the run that ended {{fact ended}}, the tool at commit {{fact commit}}: {{fact runs}}
rounds after an unmeasured one, each of four deploys in an order that rotates from round to round. `compose` is
`DeployDev --orchestrator=compose --strategy=recreate` on the rig's server (127.0.0.1:18120); `swarm-N` is
`DeployDev --orchestrator=swarm` to the manager of the rig's three-node swarm (`tests/rig/swarm-up.sh`), stack
`infosync-dev`, N replicas on nodes 1 to N, the others drained; port 18210 published in host mode (the rig has no
IPVS, so no routing mesh); `update_config`: parallelism 1, stop-first, failure_action rollback, monitor {{fact monitor_s}}s.
Both run the example app (`bench-small-a`/`-b`) with a health check every 1 s; every deploy changes the tag and
pulls it (removed before from the server's engine, or every node's). One prober per serving node (`bench/Prober`:
a GET of `/` every 20 ms on a new connection, to that node's own address) counts the failed requests, from before
the deploy until every node answers the new version. Figures: median (minimum–maximum) over the rounds.

| Per deploy | compose | Swarm, 1 node | 2 nodes | 3 nodes |
|---|---|---|---|---|
| Deploys that succeeded | {{count=0 of exit compose}} of {{count of exit compose}} | {{count=0 of exit swarm-1}} of {{count of exit swarm-1}} | {{count=0 of exit swarm-2}} of {{count of exit swarm-2}} | {{count=0 of exit swarm-3}} of {{count of exit swarm-3}} |
| Wall time | {{s of wall_ms compose}} | {{s of wall_ms swarm-1}} | {{s of wall_ms swarm-2}} | {{s of wall_ms swarm-3}} |
| … of it Swarm's update (its UpdateStatus, started to completed) | | {{s of update_ms swarm-1}} | {{s of update_ms swarm-2}} | {{s of update_ms swarm-3}} |
| … the rest (SSH, `compose config`, login, `stack deploy`, the tool's polls) | | {{s of rest_ms swarm-1}} | {{s of rest_ms swarm-2}} | {{s of rest_ms swarm-3}} |
| Failed requests, all nodes | {{n of failed compose}} | {{n of failed swarm-1}} | {{n of failed swarm-2}} | {{n of failed swarm-3}} |
| … in all deploys | {{sum of failed compose}} | {{sum of failed swarm-1}} | {{sum of failed swarm-2}} | {{sum of failed swarm-3}} |
| Failed requests, node 1 (compose: the server) | {{n of failed_node1 compose}} | {{n of failed_node1 swarm-1}} | {{n of failed_node1 swarm-2}} | {{n of failed_node1 swarm-3}} |
| … node 2 | | | {{n of failed_node2 swarm-2}} | {{n of failed_node2 swarm-3}} |
| … node 3 | | | | {{n of failed_node3 swarm-3}} |
| Longest failure window, node 1 (compose: the server) | {{ms of down_ms_node1 compose}} | {{ms of down_ms_node1 swarm-1}} | {{ms of down_ms_node1 swarm-2}} | {{ms of down_ms_node1 swarm-3}} |
| … node 2 | | | {{ms of down_ms_node2 swarm-2}} | {{ms of down_ms_node2 swarm-3}} |
| … node 3 | | | | {{ms of down_ms_node3 swarm-3}} |
| Prober's achieved rate (per second, each prober) | {{d1 of rate_hz compose}} | {{d1 of rate_hz swarm-1}} | {{d1 of rate_hz swarm-2}} | {{d1 of rate_hz swarm-3}} |

| Wall time, within each round | Median (min–max) | Target | Verdict | Median − target |
|---|---|---|---|---|
| Swarm, 2 nodes ÷ 1 node | {{x ratio wall_ms swarm-2 swarm-1}} | | | |
| Swarm, 3 nodes ÷ 1 node | {{x ratio wall_ms swarm-3 swarm-1}} | | | |
| Swarm, each node more: (3 nodes − 1 node) ÷ 2 | {{s/2 minus wall_ms swarm-3 swarm-1}} | | | |
| Swarm, 1 node ÷ compose | {{x ratio wall_ms swarm-1 compose}} | | | |
| Swarm, 3 nodes ÷ compose | {{x ratio wall_ms swarm-3 compose}} | | | |
| Exit code of every deploy | {{target == 0 n pool ^exit$ .}} |

**A deploy that fails.** The tool, on a failed Swarm update, restores the compose file and redeploys the stack
as it was, and waits for that. Whether Swarm also rolls back by itself is the compose file's choice
(`update_config.failure_action`); both were measured, {{fact fail_runs}} deploys each on 3 nodes, in an order
that alternates, of `{{fact fail_tag}}`, an image that exits at start:

| Deploy of an image that exits at start, 3 nodes | `failure_action: rollback` (Swarm rolls back, then the tool redeploys) | `failure_action: pause` (the tool's redeploy alone) |
|---|---|---|
| Exit code of the tool (0 would be wrong) | {{n of fail_exit fail-rollback}} | {{n of fail_exit fail-pause}} |
| Wall time, until the tool exits | {{s of wall_ms fail-rollback}} | {{s of wall_ms fail-pause}} |
| Until every node answers the old version again (the deploys where that happened within 2 minutes) | {{s of restored_ms fail-rollback}} | {{s of restored_ms fail-pause}} |
| Deploys after which a node stayed down 2 minutes (the bench then forced a redeploy) | {{sum of stuck fail-rollback}} of {{count of stuck fail-rollback}} | {{sum of stuck fail-pause}} of {{count of stuck fail-pause}} |
| Failed requests, all nodes | {{n of failed fail-rollback}} | {{n of failed fail-pause}} |
| … node 1 | {{n of failed_node1 fail-rollback}} | {{n of failed_node1 fail-pause}} |
| … node 2 | {{n of failed_node2 fail-rollback}} | {{n of failed_node2 fail-pause}} |
| … node 3 | {{n of failed_node3 fail-rollback}} | {{n of failed_node3 fail-pause}} |

The per-node rows show which nodes were down while the failing task was tried and replaced.

**Why the wall time grows with the nodes.** With parallelism 1 Swarm replaces one task at a time, each the same
way on its node: stop the old task, pull and start the new one, wait for its health check (Swarm counts a task
as running only once it passes), watch it for the monitor time; then the next node's turn. So the update takes N
replacements, the tool adds a fixed cost, and the wall time grows about linearly, by "each node more" per node.
A compose deploy pulls before it stops the container, and has no monitor time.

**Why the failed requests are per node.** With stop-first and no proxy in front, a node's host-mode port is
served by its own task alone: down from the moment Swarm stops that task until the new one answers, up again
before the next node's turn. Each node's failed requests are its task's stop-to-answering window; they do not grow
with the number of nodes, only their sum does. Nodes 2 and 3 pull inside that window (the new task, which pulls, is
created once the old one stopped; seen with `docker events` on the nodes); node 1, the manager, has the image
already, as the tool pulls it there before `docker stack deploy`, so its window is the shorter. A balancer that
takes a node out during its turn, or start-first with fewer replicas than nodes, would avoid these failures.
The nodes are engines in network namespaces of this machine ({{fact swarm}}): they share its cores, disk and
registry, as a real cluster's would not, but still take their turns one after the other.

| Machine and run | |
|---|---|
| CPU | {{fact cpu}} |
| RAM | {{fact ram}} |
| OS, kernel | {{fact os}} |
| Docker | {{fact docker}} |
| Compose, as the deployer runs it on the server | {{fact compose}} |
| .NET | {{fact dotnet}} |
| 1-minute load average, before and after the deploys (others' builds may run beside them) | {{d1 of load1 run}} |
| The whole run, setup included | {{fact runtime}} |

## Raw data

facts.tsv:

```
{{facts}}
```

results.tsv (metric, variant, run, value; `failed` is the sum of the nodes' `failed_nodeK`):

```
{{results}}
```
MD
}

write_report() {
  "$BENCH_ROOT/report.sh" "$1" <(template) >"$1/SWARM.md" || die "report.sh failed on $1"
  cp "$1/SWARM.md" "$BENCH_ROOT/SWARM.md"
}

if [[ "${1:-}" == --report ]]; then
  [[ $# == 2 ]] || die "usage: swarm.sh [--report <run dir>]"
  write_report "$2"
  exit 0
fi
(($# == 0)) || die "usage: swarm.sh [--report <run dir>]"
((EUID == 0)) || die "run as root"
runs="${SWARM_RUNS:-8}" fail_runs="${SWARM_FAIL_RUNS:-3}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "SWARM_RUNS must be a positive number, not '$runs'"
[[ "$fail_runs" =~ ^[1-9][0-9]*$ ]] || die "SWARM_FAIL_RUNS must be a positive number, not '$fail_runs'"
command -v curl >/dev/null || die "curl is missing (Debian: apt-get install curl)"
# Held until we exit. Whatever may leave a daemon behind (the rig's scripts, dotnet's build servers) runs with
# 9>&-, so that nothing of ours holds the lock after us.
say "waiting for $LOCK"
exec 9>>"$LOCK"
flock 9

tag_in() { sed -n "s|^ *image: $REPOSITORY:\(.*\)$|\1|p" "$1/docker-compose.yml"; }
other_in() { if [[ "$(tag_in "$1")" == bench-small-a ]]; then echo bench-small-b; else echo bench-small-a; fi; }
answers() { curl -fsS --max-time 1 "$1" 2>/dev/null | grep -qF -- "<h1>infosync $2<"; }
# Root's docker on the manager, logged in to the registry in a client config of our own.
manager() { DOCKER_CONFIG="$WORK/docker-config" docker -H "unix://$RIG_SWARM_MANAGER_SOCKET" "$@"; }
node_docker() { local n="$1"; shift; docker -H "unix://${NODE_SOCKETS[n - 1]}" "$@"; }

healthcheck() {
  printf '    healthcheck:\n      test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/cgi-bin/health"]\n'
  printf '      interval: 1s\n      timeout: 3s\n      retries: 3\n'
}

# The stack's compose file, without `version:` (the tool renders the stack file from it): <image> <replicas>
# [<failure_action>, rollback unless given].
stack_compose() {
  printf 'services:\n  web:\n    image: %s\n' "$1"
  healthcheck
  printf '    ports:\n      - target: 8080\n        published: %s\n        mode: host\n' "$STACK_PORT"
  printf '    deploy:\n      replicas: %s\n      update_config:\n        parallelism: 1\n        order: stop-first\n' "$2"
  printf '        failure_action: %s\n        monitor: %ss\n' "${3:-rollback}" "$MONITOR_S"
  printf '      rollback_config:\n        parallelism: 0\n        order: stop-first\n'
}

# Writes stdin to <file> in a fresh directory <dir> owned by deployer, or over the file (its owner stays).
write_owned() {
  if [[ "${3:-}" == fresh ]]; then
    install -d -m 755 -o "$SSH_USERNAME" -g "$SSH_USERNAME" "$1"
    find "$1" -mindepth 1 -delete
    install -m 644 -o "$SSH_USERNAME" -g "$SSH_USERNAME" /dev/null "$1/$2"
  fi
  cat >"$1/$2"
}

remove_cmp_containers() {
  docker ps -aq --filter "label=com.docker.compose.project=$CMP_PROJECT" | xargs -r docker rm -f >/dev/null
  docker network rm "${CMP_PROJECT}_default" >/dev/null 2>&1 || true
}

compose_up() {
  remove_cmp_containers
  { printf 'services:\n  web:\n    image: %s\n' "$REPOSITORY:$1"; healthcheck
    printf '    ports:\n      - "127.0.0.1:%s:8080"\n    restart: unless-stopped\n' "$CMP_PORT"
  } | write_owned "$CMP_DIR" docker-compose.yml fresh
  # The image is in the engine already (built here): deployer needs no registry login.
  ssh_deployer "cd $CMP_DIR && docker compose up -d" >"$LOGS/compose-up.log" 2>&1 \
    || die "docker compose up in $CMP_DIR failed: see $LOGS/compose-up.log"
  wait_for 30 answers "http://127.0.0.1:$CMP_PORT/" "$1" || die "$CMP_PROJECT does not serve $1 on port $CMP_PORT"
}

# The stack as an operator starts it by hand, at <tag> on all three nodes.
stack_up() {
  stack_compose "$REPOSITORY:$1" 3 | write_owned "$STACK_DIR" docker-compose.yml fresh
  { echo 'version: "3.8"'; stack_compose "$REPOSITORY:$1" 3; } \
    | manager stack deploy --with-registry-auth -c - "$STACK" >"$LOGS/stack-up.log" 2>&1 \
    || die "docker stack deploy failed: see $LOGS/stack-up.log"
  wait_for 120 converged 3 "$1" || die "the stack did not come up on 3 nodes serving $1"
}

# Exactly one task on each of nodes 1..<n>, running and answering <tag> on its node's address.
converged() {
  local n="$1" tag="$2" i want=""
  for ((i = 0; i < n; i++)); do want+="${NODE_NAMES[i]} Running"$'\n'; done
  [[ "$(manager service ps "${STACK}_web" --filter desired-state=running --format '{{.Node}} {{.CurrentState}}' \
    2>/dev/null | awk '{ print $1, $2 }' | sort)" == "${want%$'\n'}" ]] || return 1
  for ((i = 0; i < n; i++)); do answers "http://${NODE_ADDRS[i]}:$STACK_PORT/" "$tag" || return 1; done
}

# Before a deploy, unmeasured: nodes 1..<n> active with one replica each, the others drained.
use_nodes() {
  local n="$1" i tag
  tag="$(tag_in "$STACK_DIR")"
  for ((i = 1; i <= n; i++)); do manager node update --availability active "${NODE_NAMES[i - 1]}" >/dev/null; done
  stack_compose "$REPOSITORY:$tag" "$n" | write_owned "$STACK_DIR" docker-compose.yml
  manager service scale --detach "${STACK}_web=$n" >/dev/null 2>&1
  for ((i = n + 1; i <= 3; i++)); do manager node update --availability drain "${NODE_NAMES[i - 1]}" >/dev/null; done
  wait_for 90 converged "$n" "$tag" || die "the stack did not settle on $n node(s) serving $tag"
}

# Removes from node <n> every image of the repository that no running container uses: only the bench tags are
# there (the rig is fresh), and Swarm pulls by digest, so the image may have no tag to find it by.
node_unpull() {
  local n="$1" keep id pass
  keep="$(node_docker "$n" ps -q | xargs -r docker -H "unix://${NODE_SOCKETS[n - 1]}" inspect --format '{{.Image}}')"
  for pass in remove check; do
    for id in $(node_docker "$n" image ls --no-trunc --format '{{.ID}}' "$REPOSITORY"); do
      grep -qxF "$id" <<<"$keep" && continue
      [[ "$pass" == remove ]] || die "image $id stayed on ${NODE_NAMES[n - 1]}"
      node_docker "$n" image rm --force "$id" >/dev/null
    done
  done
}

# Starts one prober per URL, writing <base>.probeK and <base>.failuresK; sets PROBERS to their pids.
start_probers() {
  local base="$1" i
  shift
  PROBERS=()
  for ((i = 1; i <= $#; i++)); do
    dotnet "$PROBER" "${!i}" "<h1>infosync " >"$base.probe$i" 2>"$base.failures$i" &
    PROBERS+=($!)
  done
  for ((i = 1; i <= $#; i++)); do wait_for 10 grep -qsx ready "$base.probe$i" || die "no prober saw ${!i} up"; done
}

# Stops the probers and records, under <variant> and <run>, each node's failed probes and longest failure window
# and their sum, `failed`; sets FAILED to that sum.
stop_probers() {
  local variant="$1" run="$2" base="$3" i summary
  sleep 0.3
  kill -TERM "${PROBERS[@]}"
  FAILED=0
  for i in "${!PROBERS[@]}"; do
    wait "${PROBERS[i]}" || die "a prober failed: see $base.probe$((i + 1))"
    summary=" $(tail -n 1 "$base.probe$((i + 1))")"
    [[ "$summary" =~ \ failed=([0-9]+)\ .*\ longest_ms=([0-9]+)\ .*\ rate_hz=([0-9.]+) ]] || die "no summary: $summary"
    record "failed_node$((i + 1))" "$variant" "$run" "${BASH_REMATCH[1]}"
    record "down_ms_node$((i + 1))" "$variant" "$run" "${BASH_REMATCH[2]}"
    record rate_hz "$variant" "$run" "${BASH_REMATCH[3]}"
    FAILED=$((FAILED + BASH_REMATCH[1]))
  done
  record failed "$variant" "$run" "$FAILED"
}

stack_urls() { local i; for ((i = 0; i < $1; i++)); do echo "http://${NODE_ADDRS[i]}:$STACK_PORT/"; done; }

# One deploy of <variant> (compose, swarm-1, swarm-2 or swarm-3) under one prober per serving node.
deploy() {
  local variant="$1" run="$2" base="$LOGS/$1-$2" tag urls=() tool i start end rc=0
  if [[ "$variant" == compose ]]; then
    tag="$(other_in "$CMP_DIR")" tool=("${CMP_TOOL[@]}") urls=("http://127.0.0.1:$CMP_PORT/")
    unpull "$tag"
  else
    use_nodes "${variant#swarm-}"
    tag="$(other_in "$STACK_DIR")" tool=("${SWARM_TOOL[@]}")
    for i in 1 2 3; do node_unpull "$i"; done
    mapfile -t urls < <(stack_urls "${variant#swarm-}")
  fi
  start_probers "$base" "${urls[@]}"
  start="$(now_us)"
  "${tool[@]}" --image-tag="$tag" >"$base.log" 2>&1 9>&- || rc=$?
  end="$(now_us)"
  ((rc == 0)) || { say "$variant $run: the deploy exited with $rc:"; tail -n 20 "$base.log" >&2; }
  for i in "${!urls[@]}"; do wait_for 60 answers "${urls[i]}" "$tag" || say "$variant $run: ${urls[i]} does not serve $tag"; done
  stop_probers "$variant" "$run" "$base"
  record exit "$variant" "$run" "$rc"
  record wall_ms "$variant" "$run" $(((end - start) / 1000))
  local times
  # Swarm's own time for the update, from the service's UpdateStatus.
  if [[ "$variant" != compose ]] && ((rc == 0)) && times="$(manager service inspect "${STACK}_web" \
    --format '{{with .UpdateStatus}}{{.StartedAt.UnixMilli}} {{.CompletedAt.UnixMilli}}{{end}}')" \
    && [[ "$times" =~ ^([0-9]+)\ ([0-9]+)$ ]]; then
    record update_ms "$variant" "$run" $((BASH_REMATCH[2] - BASH_REMATCH[1]))
    record rest_ms "$variant" "$run" $(((end - start) / 1000 - BASH_REMATCH[2] + BASH_REMATCH[1]))
  fi
  say "$variant $run: $tag in $(((end - start) / 1000)) ms, exit $rc, $FAILED failed request(s)"
}

# A deploy on 3 nodes of the image that exits at start, with <failure_action> in the compose file: rollback (Swarm
# rolls the update back by itself, then the tool redeploys the stack as it was) or pause (Swarm stops the update
# and the tool's redeploy alone brings the old task back). Records the tool's exit code and wall time, the time
# until every node answers the old version again, and the failed requests.
fail_deploy() {
  local action="$1" run="$2" variant="fail-$1" base="$LOGS/fail-$1-$2" old urls start end back rc=0 i stuck=0
  use_nodes 3
  old="$(tag_in "$STACK_DIR")"
  stack_compose "$REPOSITORY:$old" 3 "$action" | write_owned "$STACK_DIR" docker-compose.yml
  mapfile -t urls < <(stack_urls 3)
  start_probers "$base" "${urls[@]}"
  start="$(now_us)"
  "${SWARM_TOOL[@]}" --image-tag="$FAIL_TAG" >"$base.log" 2>&1 9>&- || rc=$?
  end="$(now_us)"
  ((rc != 0)) || say "$variant $run: the deploy of $FAIL_TAG succeeded, which is wrong"
  for i in "${!urls[@]}"; do wait_for 120 answers "${urls[i]}" "$old" || { stuck=1; break; }; done
  back="$(now_us)"
  stop_probers "$variant" "$run" "$base"
  record fail_exit "$variant" "$run" "$rc"
  record wall_ms "$variant" "$run" $(((end - start) / 1000))
  record stuck "$variant" "$run" "$stuck"
  if ((stuck)); then
    say "$variant $run: not every node serves $old 2 minutes after the deploy; forcing a redeploy of the service"
    manager service ps --no-trunc "${STACK}_web" >"$base.stuck" 2>&1 || true
    manager service update --force "${STACK}_web" >>"$base.stuck" 2>&1 || true
  else
    record restored_ms "$variant" "$run" $(((back - start) / 1000))
  fi
  say "$variant $run: $FAIL_TAG failed after $(((end - start) / 1000)) ms (exit $rc), $old back on every node:" \
    "$( ((stuck)) && echo "not within 2 minutes" || echo "after $(((back - start) / 1000)) ms"), $FAILED failed request(s)"
}

round() {
  local variant
  for variant in $(rotated "$1" compose swarm-1 swarm-2 swarm-3); do deploy "$variant" "$1"; done
}

cleanup() {
  jobs -p | xargs -r kill 2>/dev/null || true
  if [[ -S "${RIG_SWARM_MANAGER_SOCKET:-}" ]]; then
    manager stack rm "$STACK" >/dev/null 2>&1 || true
    local name
    for name in "${NODE_NAMES[@]}"; do manager node update --availability active "$name" >/dev/null 2>&1 || true; done
  fi
  remove_cmp_containers || true
  rm -rf "$STACK_DIR" "$CMP_DIR" "$WORK/docker-config" "$WORK/src"
  unpull bench-small-a || true; unpull bench-small-b || true
  docker image rm "$REPOSITORY:$FAIL_TAG" >/dev/null 2>&1 || true
  "$REPO_ROOT/tests/rig/swarm-down.sh" 9>&- || say "tests/rig/swarm-down.sh failed"
}

"$REPO_ROOT/tests/rig/up.sh" 9>&-
WORK="$(mktemp -d /tmp/infosync-bench-swarm.XXXXXX)"
LOGS="$WORK/logs"
mkdir "$LOGS"
RESULTS="$LOGS/results.tsv"
: >"$RESULTS"
trap cleanup EXIT

say "a fresh swarm rig (swarm-down.sh, swarm-up.sh)"
"$REPO_ROOT/tests/rig/swarm-down.sh" 9>&-
"$REPO_ROOT/tests/rig/swarm-up.sh" >"$LOGS/swarm-up.log" 2>&1 9>&- || die "swarm-up.sh failed: see $LOGS/swarm-up.log"
# shellcheck source=/dev/null
source "$RIG_DIR/swarm.env"
IFS=, read -ra NODE_NAMES <<<"$RIG_SWARM_NODES"
IFS=, read -ra NODE_ADDRS <<<"$RIG_SWARM_NODE_ADDRS"
IFS=, read -ra NODE_SOCKETS <<<"$RIG_SWARM_NODE_SOCKETS"
((${#NODE_NAMES[@]} == 3)) || die "the swarm rig has ${#NODE_NAMES[@]} nodes, not 3"

# The host and the images are built from an export of HEAD: others' uncommitted edits do not reach the deploys.
commit="$(git -C "$REPO_ROOT" rev-parse --short HEAD)"
say "building the host at $commit, and the prober"
mkdir "$WORK/src"
git -C "$REPO_ROOT" archive HEAD | tar -x -C "$WORK/src"
"$WORK/src/build.sh" --help >/dev/null 2>"$LOGS/build.log" 9>&- || die "building the host failed: see $LOGS/build.log"
dotnet build "$BENCH_ROOT/Prober/Prober.csproj" --configuration Release --nologo --verbosity quiet >/dev/null 9>&-
TOOL_BASE=(env -u STRATEGY -u DEV_STRATEGY -u ORCHESTRATOR -u DEV_ORCHESTRATOR -u DEV_HEALTH_URL -u DEV_COMPOSE_FILE
  -u DEV_SSH_HOST -u DEV_SSH_PORT -u HEALTH_TIMEOUT -u DEV_HEALTH_TIMEOUT "${TOOL_ENV[@]}"
  dotnet "$WORK/src/build/bin/publish/Build.dll" --target=DeployDev --exclusive)
CMP_TOOL=("${TOOL_BASE[@]}" --deploy-dir="$CMP_DIR" --orchestrator=compose --strategy=recreate)
SWARM_TOOL=("${TOOL_BASE[@]}" --deploy-dir="$STACK_DIR" --orchestrator=swarm --ssh-host="$RIG_SWARM_MANAGER_HOST"
  --ssh-port="$RIG_SWARM_SSH_PORT" --ssh-known-hosts="$RIG_SWARM_KNOWN_HOSTS" --health-timeout=150)

say "building and pushing bench-small-a and -b (the example app)"
mkdir -m 700 "$WORK/docker-config"
printf '%s\n' "$HARBOR_PASSWORD" | DOCKER_CONFIG="$WORK/docker-config" \
  docker login --username "$HARBOR_USERNAME" --password-stdin "$HARBOR_HOST" >/dev/null 2>&1 || die "docker login failed"
for tag in bench-small-a bench-small-b; do
  { docker build --quiet --build-arg "IMAGE_TAG=$tag" -t "$REPOSITORY:$tag" "$WORK/src/example-app" >/dev/null \
    && DOCKER_CONFIG="$WORK/docker-config" docker push "$REPOSITORY:$tag" >/dev/null; } 2>>"$LOGS/build.log" \
    || die "building or pushing $tag failed: see $LOGS/build.log"
done
push_exiting_image "$FAIL_TAG"
compose_up bench-small-a
stack_up bench-small-a

say "one unmeasured round"
RESULTS="$WORK/warm-up.tsv" round 0
record load1 run start "$(cut -d' ' -f1 /proc/loadavg)"
rounds_start=$SECONDS
for ((run = 1; run <= runs; run++)); do
  say "round $run of $runs ($SECONDS s so far)"
  round "$run"
done
round_s=$(((SECONDS - rounds_start) / runs))
for ((run = 1; run <= fail_runs; run++)); do
  say "failing deploys, pair $run of $fail_runs ($SECONDS s so far)"
  if ((run % 2)); then set -- rollback pause; else set -- pause rollback; fi
  for action in "$@"; do fail_deploy "$action" "$run"; done
done
record load1 run end "$(cut -d' ' -f1 /proc/loadavg)"

{
  printf '%s\t%s\n' \
    ended "$(date -u '+%Y-%m-%d %H:%M UTC')" \
    commit "$commit" \
    runs "$runs" \
    fail_runs "$fail_runs" \
    fail_tag "$FAIL_TAG" \
    monitor_s "$MONITOR_S" \
    runtime "$((SECONDS / 60)) min $((SECONDS % 60)) s, one round $round_s s" \
    swarm "$(manager version --format 'Docker engine {{.Server.Version}}') × 3, one manager"
  machine_facts
} >"$LOGS/facts.tsv"
write_report "$LOGS"
say "bench/SWARM.md written after $SECONDS s; the samples and every deploy's output and probes: $LOGS"
