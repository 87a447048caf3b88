#!/bin/sh
# busybox httpd as PID 1 ignores SIGTERM, so `docker stop` would wait 10 s for SIGKILL.
# This shell is PID 1 instead: it traps TERM and stops httpd itself.
httpd -f -p 8080 -h /www &
pid=$!
if [ -z "${DRAIN_LINGER:-}" ]; then
  trap 'kill "$pid" 2>/dev/null; wait "$pid"; exit 0' TERM INT
  wait "$pid"
  exit
fi

case "$DRAIN_LINGER" in
  '' | *[!0-9.]* | *.*.*) echo "entrypoint: DRAIN_LINGER must be seconds, not '$DRAIN_LINGER'" >&2; exit 64 ;;
esac

# Another process than this shell (PID 1) is alive: an in-flight request. Zombies do not count. Pure sh, no fork,
# so the check itself adds no process.
busy() {
  for stat in /proc/[0-9]*/stat; do
    [ "$stat" = /proc/1/stat ] && continue
    read -r line <"$stat" 2>/dev/null || continue
    case "$line" in *") Z "*) ;; *) return 0 ;; esac
  done
  return 1
}

# Draining: health answers 503 at once, and new connections are refused, so a proxy sends them elsewhere; the
# requests already accepted are served by httpd's per-connection children, which outlive their parent.
drain() {
  : >/tmp/draining
  kill "$pid" 2>/dev/null
  wait "$pid"
  polls=0
  while busy && [ "$polls" -lt 150 ]; do
    sleep 0.2
    polls=$((polls + 1))
  done
  sleep "$DRAIN_LINGER"
  exit 0
}
trap drain TERM INT
wait "$pid"
