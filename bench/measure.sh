# How one sample is taken: wall time, peak memory and SSH logins of a command; downtime while it runs.
# Sourced by run.sh after lib.sh; every function records its samples with `record`.
# shellcheck shell=bash

# Runs a command under /usr/bin/time -v; records wall_ms, rss_kb, cpu_ms (user + system, this machine's side only)
# and the SSH logins during it from the sshd log: ssh_key_logins are ours (the benchmarks log in with the rig's
# key), ssh_password_logins are other engineers' concurrent test runs (the test suite logs in with the password).
# Output goes to $LOGS/<variant>-<run>.log.
timed_run() {
  local variant="$1" run="$2"
  shift 2
  local log="$LOGS/$variant-$run.log" usage="$LOGS/$variant-$run.time"
  local log_lines start end rc=0
  log_lines="$(wc -l <"$RIG_SSHD_LOG")"
  start="$(now_us)"
  /usr/bin/time -v -o "$usage" "$@" >"$log" 2>&1 || rc=$?
  end="$(now_us)"
  if ((rc != 0)); then
    tail -n 30 "$log" >&2
    die "$variant (run $run) exited with $rc; its output is above and in $log"
  fi
  record wall_ms "$variant" "$run" $(((end - start) / 1000))
  record rss_kb "$variant" "$run" "$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$usage")"
  record cpu_ms "$variant" "$run" "$(awk -F': ' '/(User|System) time/ { s += $2 } END { printf "%.0f", s * 1000 }' "$usage")"
  local logins
  logins="$(tail -n "+$((log_lines + 1))" "$RIG_SSHD_LOG" | grep "^Accepted [a-z]* for $SSH_USERNAME " || true)"
  record ssh_key_logins "$variant" "$run" "$(grep -c '^Accepted publickey' <<<"$logins" || true)"
  record ssh_password_logins "$variant" "$run" "$(grep -c '^Accepted password' <<<"$logins" || true)"
}

# Runs "$@" while probing the web port every 20 ms; records the longest failure window, the total failed time,
# and the prober's achieved rate. Probing goes on after the command until the page shows $3, then 0.3 s more,
# because `up -d` can return before the app listens.
with_prober() {
  local variant="$1" run="$2" tag="$3"
  shift 3
  local out="$LOGS/$variant-$run.probe" pid
  dotnet "$PROBER" "http://127.0.0.1:$WEB_PORT/" "<h1>infosync " >"$out" &
  pid=$!
  wait_for 10 grep -qsx ready "$out" || die "the prober never saw the app up on port $WEB_PORT"
  sleep 0.3
  "$@"
  wait_for 60 serves "$tag" || die "$variant (run $run): the app does not serve $tag after the command"
  sleep 0.3
  kill -TERM "$pid"
  wait "$pid" || die "the prober failed"
  local summary key
  summary="$(tail -n 1 "$out")"
  for key in longest_ms total_ms failed rate_hz max_gap_ms; do
    [[ " $summary" =~ \ $key=([0-9.]+) ]] || die "no $key in the prober's summary: $summary"
    record "down_$key" "$variant" "$run" "${BASH_REMATCH[1]}"
  done
}

# One deploy at diagnostic verbosity, each output line stamped with the milliseconds since the start, split by step
# with trace.awk; records trace_ms per step. Not timed otherwise: the extra output costs a little.
trace_deploy() {
  local run="$1" tag="$2" trace started
  trace="$LOGS/trace-$run.log"
  started="$(date +%s.%N)"
  "${TOOL[@]}" --target=DeployDev --exclusive --image-tag="$tag" --health-settle=0 \
    --verbosity=diagnostic 2>&1 | T0="$started" perl -MTime::HiRes=time -ne '
      BEGIN { $| = 1; $t0 = $ENV{T0} } s/\e\[[0-9;]*m//g; printf "%.1f %s", (time - $t0) * 1000, $_;
      END { printf "%.1f END\n", (time - $t0) * 1000 }' >"$trace" || die "the traced deploy failed: see $trace"
  local step ms
  while IFS=$'\t' read -r step ms; do record trace_ms "$step" "$run" "$ms"; done < <(awk -f "$BENCH_ROOT/trace.awk" "$trace")
}
