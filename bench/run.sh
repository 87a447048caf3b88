#!/usr/bin/env bash
# Runs every benchmark on the rig, writes BENCHMARKS.md at the repository root (report.sh) and prints its summary.
# BENCH_RUNS (default 5) rounds of each comparison; about 2 minutes a round plus 4 of setup and warm-up. Needs root.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/tests/rig/up.sh"
source "$root/bench/lib.sh"
source "$BENCH_ROOT/measure.sh"

for tool in /usr/bin/time perl curl; do
  command -v "$tool" >/dev/null || die "$tool is missing (Debian: apt-get install time perl curl)"
done
runs="${BENCH_RUNS:-5}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive number, not '$runs'"
WORK="$(mktemp -d /tmp/infosync-bench.XXXXXX)"
LOGS="$WORK/logs"
mkdir "$LOGS"

cleanup() {
  "$BENCH_ROOT/environment.sh" down || true
  local tag
  for tag in bench-small-a bench-small-b bench-big-a bench-big-b; do unpull "$tag" || true; done
}
trap cleanup EXIT

say() { printf 'bench: %s\n' "$*" >&2; }

say "building the host, the prober and a Debug copy for \`dotnet run\`"
"$REPO_ROOT/build.sh" --help >/dev/null
dotnet build "$BENCH_ROOT/Prober/Prober.csproj" --configuration Release --nologo --verbosity quiet >/dev/null
dotnet build "$REPO_ROOT/build/Build.csproj" --nologo --verbosity quiet >/dev/null
say "building and pushing the images (2 × 200 MB of random bytes)"
for attempt in 1 2 3; do
  if "$BENCH_ROOT/images.sh" && "$BENCH_ROOT/environment.sh" up bench-small-a; then break; fi
  ((attempt < 3)) || die "could not push the images and start the environment 3 times"
  say "setup failed, perhaps while a fault test had stopped the rig's dockerd or registry; retrying in 30 s"
  sleep 30
  "$REPO_ROOT/tests/rig/up.sh"
done

# Runs round $1 until it completes with the rig's daemons unchanged (at most 3 tries), appending its samples to $2.
measured_round() {
  local run="$1" into="$2" attempt before
  for attempt in 1 2 3; do
    before="$(rig_pids)"
    if "$BENCH_ROOT/round.sh" "$run" "$WORK/round.tsv" "$LOGS" && [[ "$(rig_pids)" == "$before" ]]; then
      cat "$WORK/round.tsv" >>"$into"
      return 0
    fi
    say "round $run failed or the rig restarted under it (daemons' pids $before, now $(rig_pids)); redoing it in 30 s"
    RESULTS="$WORK/results.tsv" record redone round "$run" "$attempt"
    sleep 30
    "$REPO_ROOT/tests/rig/up.sh"
    "$BENCH_ROOT/environment.sh" up bench-small-a
  done
  die "round $run failed 3 times"
}

# One unmeasured round first: the first run after a build pays for cold files and the first pull of each image.
say "warm-up round"
measured_round 0 "$WORK/warm-up.tsv"
for ((run = 1; run <= runs; run++)); do
  say "round $run of $runs ($SECONDS s so far)"
  measured_round "$run" "$WORK/results.tsv"
done

RESULTS="$WORK/results.tsv"
record load1 round end "$(cut -d' ' -f1 /proc/loadavg)"
say "all rounds done after $SECONDS s"
cp -p "$RESULTS" "$LOGS"
# What the report's header and Machine table show, as "key<tab>value" lines beside the samples.
{
  printf '%s\t%s\n' \
    ended "$(date -u '+%Y-%m-%d %H:%M UTC')" \
    commit "$(git -C "$REPO_ROOT" rev-parse --short HEAD)" \
    rounds "$runs"
  machine_facts
  printf '%s\t%s\n' sshd "$(ssh -V 2>&1 | cut -d, -f1) on $SSH_HOST:$SSH_PORT"
} >"$LOGS/facts.tsv"
"$BENCH_ROOT/report.sh" "$LOGS" >"$LOGS/BENCHMARKS.md"
cp "$LOGS/BENCHMARKS.md" "$REPO_ROOT/BENCHMARKS.md"
sed -n '/^## Summary/,/^## /{/^## /!p}' "$REPO_ROOT/BENCHMARKS.md"
say "BENCHMARKS.md written; the samples, the facts and every command's output: $LOGS"
