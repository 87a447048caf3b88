#!/bin/sh
# busybox httpd as PID 1 ignores SIGTERM, so `docker stop` would wait 10 s for SIGKILL.
# This shell is PID 1 instead: it traps TERM and stops httpd itself.
httpd -f -p 8080 -h /www &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid"; exit 0' TERM INT
wait "$pid"
