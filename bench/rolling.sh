#!/usr/bin/env bash
# The rolling switch against recreate, under traffic: a probe every 20 ms (50/s, each on a new connection) and three
# 2 s requests always in flight, through the rolling layout's HAProxy. Writes bench/ROLLING.md. Needs root.
#   rolling.sh               setup, one unmeasured pair, ROLLING_RUNS (default 20) pairs of deploys of the 212 MB
#                            images (rolling and recreate, order alternating), one rolling deploy of an image that
#                            fails its health gate, the report, clean-up
#   rolling.sh --report DIR  writes bench/ROLLING.md again from DIR/results.tsv and DIR/facts.tsv (a run's logs)
# ROLLING_LOCK=FILE takes a flock on FILE for the measuring part only (setup pushes 420 MB without it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# rolling_compose: the rig's rolling layout (reset-env.sh <env> <tag> v2 rolling), written here with our own ports.
source "$REPO_ROOT/tests/rig/compose-files.sh"

# Our own corner of the rig: not the test suite's dirs and ports, nor run.sh's (18100, 18101).
ROLL_DIR=/usr/local/infosync-bench-rolling
ROLL_PROJECT="$(basename "$ROLL_DIR")"
ROLL_PORT=18110
ROLL_SIDECAR_PORT=18111
DRAIN_S=5
GATE_FAIL_TAG=bench-exits
ROLL_TOOL=(env -u STRATEGY -u DEV_STRATEGY -u DRAIN_TIME -u DEV_DRAIN_TIME -u DEV_HEALTH_URL -u DEV_COMPOSE_FILE
  "${TOOL[@]}" --target=DeployDev --exclusive --deploy-dir="$ROLL_DIR")

say() { printf 'rolling: %s\n' "$*" >&2; }

# The report's text; every {{...}} is a cell report.sh fills (see its header).
template() {
  cat <<'MD'
<!-- Written by bench/rolling.sh from the raw data at the end (`bench/rolling.sh --report DIR` writes it again). -->
# Rolling against recreate, under traffic

Measured by `bench/rolling.sh` in the run that ended {{fact ended}}, at commit {{fact commit}}: {{fact runs}} pairs
of deploys of the 212 MB images (`bench-big-a`/`-b`, the example app plus 200 MB of random bytes; each deploy
pulls, the other tag having been removed from the engine), after one unmeasured pair. In each pair one deploy is
`--strategy=rolling --drain-time={{fact drain_s}}` and the other `--strategy=recreate`, the order alternating; then
one rolling deploy of an image that exits at start (`{{fact gate_fail_tag}}`) and so fails its health gate.

Both strategies deploy the same directory, laid out as `tests/rig/reset-env.sh <env> <tag> v2 rolling` does
(web without a host port, `DRAIN_LINGER: "2"`, a health check every 1 s, `stop_grace_period: 30s`, behind
HAProxy on 127.0.0.1:18110). Recreate is measured through the same proxy, not in the plain layout where web
publishes its own port: the compose file, the app, its drain on SIGTERM, the health gate and the path of every
request are then the same, and only the strategy differs.

During each deploy the prober (`bench/Prober`, traffic mode) sends a fast request to `/` every 20 ms on a new
connection and keeps 3 POSTs to `/cgi-bin/slow` (2 s each) in flight; it starts before the deploy and stops
once the new version answers (0.3 s later), after its slow requests in flight finish. Every figure is the median
over the deploys with the minimum and maximum in brackets.

| Per deploy | rolling | recreate |
|---|---|---|
| Deploys that succeeded | {{count=0 of exit rolling}} of {{count of exit rolling}} | {{count=0 of exit recreate}} of {{count of exit recreate}} |
| Failed fast requests | {{n of fast_failed rolling}} | {{n of fast_failed recreate}} |
| … in all deploys | {{sum of fast_failed rolling}} | {{sum of fast_failed recreate}} |
| Failed slow requests | {{n of slow_failed rolling}} | {{n of slow_failed recreate}} |
| … in all deploys | {{sum of slow_failed rolling}} | {{sum of slow_failed recreate}} |
| Downtime (longest window of failed fast requests) | {{ms of down_longest_ms rolling}} | {{ms of down_longest_ms recreate}} |
| Deploy wall time | {{s of wall_ms rolling}} | {{s of wall_ms recreate}} |
| Overlap (both versions answering) | {{s of overlap_ms rolling}} | {{s of overlap_ms recreate}} |
| Fast requests answered | {{n of fast_ok rolling}} | {{n of fast_ok recreate}} |
| Slow requests answered | {{n of slow_ok rolling}} | {{n of slow_ok recreate}} |
| Prober's achieved rate (per second) | {{d1 of rate_hz rolling}} | {{d1 of rate_hz recreate}} |

| Target | Median (min–max) | Target | Verdict | Median − target |
|---|---|---|---|---|
| Failed fast requests, each rolling deploy | {{target == 0 n of fast_failed rolling}} |
| Failed slow requests, each rolling deploy | {{target == 0 n of slow_failed rolling}} |
| Failed fast requests, rolling deploy that fails its gate | {{target == 0 n of fast_failed rolling-gate-fail}} |
| Failed slow requests, rolling deploy that fails its gate | {{target == 0 n of slow_failed rolling-gate-fail}} |
| Wall time, rolling ÷ (recreate + drain time), within each pair | {{target <= 1.3 x ratio wall_ms rolling recreate+drain}} |

The deploy that fails its gate exited with {{sum of exit rolling-gate-fail}} (the tool's exit code; 0 would be
wrong) after {{sum of wall_ms rolling-gate-fail}} ms; the old version served on: {{sum of fast_ok rolling-gate-fail}}
fast and {{sum of slow_ok rolling-gate-fail}} slow requests answered, {{sum of down_longest_ms rolling-gate-fail}} ms
of downtime.

A slow request that fails comes back at once (the proxy answers 503 while no container is up) and its slot tries
again 0.1 s later, so the failed slow requests of a recreate count attempts, not the 3 clients.
The slow requests are POSTs because haproxy.cfg retries a GET on another container when one closes it without an
answer (`retry-on empty-response response-timeout`), which would hide a container stopped mid-request; it retries
no POST once sent (`disable-l7-retry`), so a cut slow request counts as failed.

The machine is shared: other engineers' builds and tests may run beside the deploys (see the load average below);
the alternating order spreads their load over both strategies.

| Machine and run | |
|---|---|
| CPU | {{fact cpu}} |
| RAM | {{fact ram}} |
| OS, kernel | {{fact os}} |
| Docker | {{fact docker}} |
| Compose, as the deployer runs it on the server | {{fact compose}} |
| .NET | {{fact dotnet}} |
| 1-minute load average, before and after the deploys | {{d1 of load1 run}} |
| Logins by other engineers' test suites while we deployed | {{sum of ssh_password_logins run}} |

## Raw data

facts.tsv:

```
{{facts}}
```

results.tsv (metric, variant, run, value; the variant `recreate+drain` is recreate's wall time plus the drain time):

```
{{results}}
```
MD
}

write_report() {
  local dir="$1" text
  text="$(mktemp)"
  template >"$text"
  "$BENCH_ROOT/report.sh" "$dir" "$text" >"$dir/ROLLING.md" || { rm -f "$text"; die "report.sh failed on $dir"; }
  rm -f "$text"
  cp "$dir/ROLLING.md" "$BENCH_ROOT/ROLLING.md"
}

if [[ "${1:-}" == --report ]]; then
  [[ $# == 2 ]] || die "usage: rolling.sh [--report <run dir>]"
  write_report "$2"
  exit 0
fi
(($# == 0)) || die "usage: rolling.sh [--report <run dir>]"
((EUID == 0)) || die "run as root"
runs="${ROLLING_RUNS:-20}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "ROLLING_RUNS must be a positive number, not '$runs'"
command -v curl >/dev/null || die "curl is missing (Debian: apt-get install curl)"

current_tag() { sed -n "s|^ *image: $REPOSITORY:\(.*\)$|\1|p" "$ROLL_DIR/docker-compose.yml"; }
other_tag() { if [[ "$(current_tag)" == bench-big-a ]]; then echo bench-big-b; else echo bench-big-a; fi; }
answers() { curl -fsS --max-time 1 "http://127.0.0.1:$ROLL_PORT/" 2>/dev/null | grep -qF -- "<h1>infosync $1<"; }

remove_containers() {
  local containers
  mapfile -t containers < <({ docker ps -aq --filter "label=com.docker.compose.project=$ROLL_PROJECT"
    docker ps -aq --filter "label=com.docker.compose.project.working_dir=$ROLL_DIR"; } | sort -u)
  if ((${#containers[@]} > 0)); then docker rm -f "${containers[@]}" >/dev/null; fi
  docker network rm "${ROLL_PROJECT}_default" >/dev/null 2>&1 || true
}

environment_up() {
  local tag="$1"
  remove_containers
  install -d -m 755 -o "$SSH_USERNAME" -g "$SSH_USERNAME" "$ROLL_DIR"
  find "$ROLL_DIR" -mindepth 1 -delete
  rolling_compose bench-rolling "$REPOSITORY:$tag" "$ROLL_PORT" "$ROLL_SIDECAR_PORT" >"$ROLL_DIR/docker-compose.yml"
  install -m 644 -o "$SSH_USERNAME" -g "$SSH_USERNAME" "$REPO_ROOT/example-app/haproxy.cfg" "$ROLL_DIR/haproxy.cfg"
  chown "$SSH_USERNAME:$SSH_USERNAME" "$ROLL_DIR/docker-compose.yml"
  # The image is in the engine already (images.sh built it here): deployer needs no registry login.
  ssh_deployer "cd $ROLL_DIR && docker compose up -d" >"$LOGS/environment-up.log" 2>&1 \
    || die "docker compose up in $ROLL_DIR failed: see $LOGS/environment-up.log"
  wait_for 30 answers "$tag" || die "the proxy does not serve $tag on 127.0.0.1:$ROLL_PORT"
}

cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  remove_containers || true
  rm -rf "$ROLL_DIR"
  local tag
  for tag in bench-small-a bench-small-b bench-big-a bench-big-b; do unpull "$tag" || true; done
  docker image rm "$REPOSITORY:$GATE_FAIL_TAG" >/dev/null 2>&1 || true
}

# One deploy of <tag> with <strategy> under traffic; its samples go under <variant>, run <run>.
deploy() {
  local strategy="$1" run="$2" tag="$3" variant="$4"
  local base="$LOGS/$variant-$run" old pid start end rc=0 expect before
  old="$(current_tag)"
  # The gate-failing image is a few kB, and Docker's build cache may share it with the test suite's: not removed.
  [[ "$tag" == "$GATE_FAIL_TAG" ]] || unpull "$tag"
  local args=(--strategy="$strategy" --image-tag="$tag")
  [[ "$strategy" != rolling ]] || args+=(--drain-time="$DRAIN_S")
  dotnet "$PROBER" "http://127.0.0.1:$ROLL_PORT/" "<h1>infosync " --rate 50 \
    --slow "http://127.0.0.1:$ROLL_PORT/cgi-bin/slow" --slow-count 3 --slow-method POST >"$base.probe" 2>"$base.failures" &
  pid=$!
  wait_for 10 grep -qsx ready "$base.probe" || die "the prober never saw the app up on port $ROLL_PORT"
  # The slow requests' slots start within 0.4 s: all three are in flight before the deploy begins.
  sleep 1
  before="$(wc -l <"$RIG_SSHD_LOG")"
  start="$(now_us)"
  "${ROLL_TOOL[@]}" "${args[@]}" >"$base.log" 2>&1 || rc=$?
  end="$(now_us)"
  expect="$tag"
  if ((rc != 0)); then
    expect="$old"
    [[ "$variant" == *-gate-fail ]] || { say "$variant $run: the deploy exited with $rc:"; tail -n 20 "$base.log" >&2; }
  fi
  wait_for 60 answers "$expect" || say "$variant $run: the proxy does not serve $expect 60 s after the deploy"
  sleep 0.3
  kill -TERM "$pid"
  wait "$pid" || die "the prober failed: see $base.probe"
  local fast traffic key
  fast="$(tail -n 2 "$base.probe" | head -n 1)" traffic="$(tail -n 1 "$base.probe")"
  record exit "$variant" "$run" "$rc"
  record wall_ms "$variant" "$run" $(((end - start) / 1000))
  [[ "$strategy" != recreate ]] || record wall_ms recreate+drain "$run" $(((end - start) / 1000 + DRAIN_S * 1000))
  for key in longest_ms rate_hz max_gap_ms; do
    [[ " $fast" =~ \ $key=([0-9.]+) ]] || die "no $key in the prober's first summary: $fast"
    record "${key/#longest_ms/down_longest_ms}" "$variant" "$run" "${BASH_REMATCH[1]}"
  done
  for key in fast_ok fast_failed slow_ok slow_failed overlap_s; do
    [[ " $traffic" =~ \ $key=([0-9.]+) ]] || die "no $key in the prober's traffic summary: $traffic"
    if [[ "$key" == overlap_s ]]; then
      record overlap_ms "$variant" "$run" "$(awk -v s="${BASH_REMATCH[1]}" 'BEGIN { printf "%.0f", s * 1000 }')"
    else
      record "$key" "$variant" "$run" "${BASH_REMATCH[1]}"
    fi
  done
  record ssh_password_logins run "$run" \
    "$(tail -n "+$((before + 1))" "$RIG_SSHD_LOG" | grep -c "^Accepted password for $SSH_USERNAME " || true)"
  say "$variant $run: $tag in $(((end - start) / 1000)) ms, exit $rc; $traffic"
}

# One pair: both strategies, each deploying the other tag, in an order that alternates from pair to pair.
pair() {
  local run="$1" strategy
  if ((run % 2)); then set -- rolling recreate; else set -- recreate rolling; fi
  for strategy in "$@"; do deploy "$strategy" "$run" "$(other_tag)" "$strategy"; done
}

"$REPO_ROOT/tests/rig/up.sh"
WORK="$(mktemp -d /tmp/infosync-bench-rolling.XXXXXX)"
LOGS="$WORK/logs"
mkdir "$LOGS"
RESULTS="$LOGS/results.tsv"
: >"$RESULTS"
trap cleanup EXIT

say "building the host and the prober"
"$REPO_ROOT/build.sh" --help >/dev/null
dotnet build "$BENCH_ROOT/Prober/Prober.csproj" --configuration Release --nologo --verbosity quiet >/dev/null
say "building and pushing the images (2 × 200 MB of random bytes, and $GATE_FAIL_TAG)"
"$BENCH_ROOT/images.sh"
push_exiting_image "$GATE_FAIL_TAG"
environment_up bench-big-a

if [[ -n "${ROLLING_LOCK:-}" ]]; then
  say "waiting for $ROLLING_LOCK"
  exec 9>>"$ROLLING_LOCK"
  flock 9
fi
pids="$(rig_pids)"
# What the deploys run: build.sh rebuilds the host from the working tree, which others may be editing.
commit="$(git -C "$REPO_ROOT" rev-parse --short HEAD)"
uncommitted="$(git -C "$REPO_ROOT" status --porcelain -- src build example-app bench/Prober tests/rig | paste -sd' ')"
say "one unmeasured pair"
RESULTS="$WORK/warm-up.tsv" pair 0
record load1 run start "$(cut -d' ' -f1 /proc/loadavg)"
for ((run = 1; run <= runs; run++)); do
  say "pair $run of $runs ($SECONDS s so far)"
  pair "$run"
done
say "a rolling deploy of $GATE_FAIL_TAG, which fails its health gate"
deploy rolling 1 "$GATE_FAIL_TAG" rolling-gate-fail
record load1 run end "$(cut -d' ' -f1 /proc/loadavg)"
[[ "$(rig_pids)" == "$pids" ]] || say "the rig's daemons restarted during the run (pids $pids, now $(rig_pids))"
[[ -z "${ROLLING_LOCK:-}" ]] || flock -u 9

{
  printf '%s\t%s\n' \
    ended "$(date -u '+%Y-%m-%d %H:%M UTC')" \
    commit "$commit${uncommitted:+, with uncommitted changes: $uncommitted}" \
    runs "$runs" \
    drain_s "$DRAIN_S" \
    gate_fail_tag "$GATE_FAIL_TAG" \
    rig_pids "$pids / $(rig_pids)"
  machine_facts
} >"$LOGS/facts.tsv"
write_report "$LOGS"
say "bench/ROLLING.md written after $SECONDS s; the samples and every deploy's output and probe: $LOGS"
