#!/usr/bin/env bash
# One round of every comparison, as its own process, so that run.sh can throw away and redo a round that something
# else disturbed (the test suite's fault tests stop and restart the rig's dockerd and registry).
#   round.sh <run> <samples file> <logs dir>        (run 0 is the unmeasured warm-up)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$BENCH_ROOT/measure.sh"
source "$BENCH_ROOT/rounds.sh"

[[ $# == 3 ]] || die "usage: round.sh <run> <samples file> <logs dir>"
run="$1" RESULTS="$2" LOGS="$3"
# A measurement that fails must not leave its prober running.
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
: >"$RESULTS"
record load1 round "$run" "$(cut -d' ' -f1 /proc/loadavg)"
downtime_round "$run"
overhead_round "$run"
startup_round "$run"
components_round "$run"
