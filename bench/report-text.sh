# The text of BENCHMARKS.md, printed to stdout; sourced by report.sh, whose figures it uses.
# shellcheck shell=bash disable=SC2154

cpu="$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)"
ram="$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
os="$(. /etc/os-release && echo "$PRETTY_NAME")"
docker_versions="$(docker version --format 'client {{.Client.Version}}, engine {{.Server.Version}}')"
dotnet_runtime="$(dotnet --list-runtimes | awk '/^Microsoft.NETCore.App/ { v = $2 } END { print v }')"
commit="$(git -C "$REPO_ROOT" rev-parse --short HEAD)"

row() { printf '| %s | %s | %s | %s | %s |\n' "$@"; }
host_phase="$(stat trace_ms host-start)" connect_phase="$(stat trace_ms ssh-connect)"
ssh_only="$(stat wall_ms comp-ssh-true)" compose_ps="$(stat wall_ms comp-compose-ps)"
docker_ps="$(stat wall_ms comp-docker-ps)" compose_noop="$(stat wall_ms comp-compose-up-noop)"
settle_cost="$(difference wall_ms over-tool-settle3 wall_ms over-tool-settle0)"
plan_remote="$(difference wall_ms start-build-sh wall_ms start-no-server)"
after_pull="$(ratio down_longest_ms down-recreate-after-pull down-recreate)"
after_sync="$(ratio down_longest_ms down-recreate-after-pull-sync down-recreate)"
load="$(samples load1 round | summarize)"

cat <<DOC
# Benchmarks

Written by \`bench/run.sh\` from the samples of a run that ended $(date -u -r "$RESULTS" '+%Y-%m-%d %H:%M UTC'), at commit
\`$commit\`: $runs rounds after one unmeasured warm-up round. Every figure is the median of the $runs runs with the minimum and maximum in brackets;
every ratio is taken within each round (the two sides ran one after the other in that round) and then summarized
the same way. How to run it: [bench/README.md](bench/README.md).

## Summary

$summary

## Machine

| | |
|---|---|
| CPU | $cpu, $(nproc) cores |
| RAM | $ram |
| OS, kernel | $os, Linux $(uname -r) |
| Docker | $docker_versions; $(docker-compose version --short | sed 's/^/docker-compose /') |
| .NET | SDK $(dotnet --version), runtime $dotnet_runtime |
| SSH | server $(ssh -V 2>&1 | cut -d, -f1) on 127.0.0.1:$SSH_PORT; tool: SSH.NET; scripts: OpenSSH client |

The machine was shared: other engineers built and tested on it, against the same Docker engine and sshd, during
the whole run. The 1-minute load average, sampled at each round, was $(awk '{ printf "%.1f (%.1f–%.1f)", $1, $2, $3 }' <<<"$load") on
$(nproc) cores, and $others logins by their test suites were logged while our commands ran. That load inflates every
absolute figure here; the interleaving spreads it over both sides of each comparison. The test suite's fault tests
also stop and restart the rig's dockerd and registry: a round during which a command failed or a daemon was
restarted was thrown away whole and run again ($(awk -F'\t' '$1 == "redone"' "$RESULTS" | grep -c . || true) time(s) in this run).

## 1. Downtime during a deploy

The web container's port was probed every 20 ms from the rig host (a new TCP connection and \`GET /\` per probe; good
means HTTP 200 with the app's page) from before the command until the page showed the new tag. A failure window runs
from its first failed probe to the next good one. Before each pull the image about to be pulled was removed from
the engine (which is also the "server's"), so every pull downloaded it from the registry.

| Variant | Longest failure window | Total failed time | Failed probes | Command wall time |
|---|---|---|---|---|
$(for v in tool-big manual-big tool-small manual-small recreate restart recreate-after-pull recreate-after-pull-sync; do
  case "$v" in
    tool-big) name="tool, 212 MB image" ;; manual-big) name="manual order, 212 MB image" ;;
    tool-small) name="tool, small image" ;; manual-small) name="manual order, small image" ;;
    recreate) name="stop+start: \`up -d --force-recreate --no-deps web\` of the running image" ;;
    restart) name="\`docker restart\` of the web container" ;;
    recreate-after-pull) name="the recreate right after pulling a 212 MB image (not deployed)" ;;
    recreate-after-pull-sync) name="the same with \`sync\` between pull and recreate" ;;
  esac
  row "$name" "$(fmt_ms "$(stat down_longest_ms "down-$v")")" "$(fmt_ms "$(stat down_total_ms "down-$v")")" \
    "$(stat down_failed "down-$v" | awk '{ printf "%.0f (%.0f–%.0f)", $1, $2, $3 }')" "$(fmt_s "$(stat wall_ms "down-$v")")"
done)

- Manual order ÷ tool: $(fmt_x "$manual_big") with the big image, $(fmt_x "$manual_small") with the small one.
- Big ÷ small image: tool $(fmt_x "$size_tool"), manual order $(fmt_x "$size_manual").
- Tool ÷ stop+start (the recreate row): $(fmt_x "$restart_big") with the big image, $(fmt_x "$restart_small") with the small one.
- Recreate right after a 212 MB pull ÷ recreate alone: $(fmt_x "$after_pull"); with \`sync\` in between: $(fmt_x "$after_sync").
- The prober achieved $(awk '{ printf "%.1f probes/s (%.1f–%.1f)", $1, $2, $3 }' <<<"$rate") per run; the largest gap between two
  probe starts in any run was $(awk '{ printf "%.0f ms", $3 }' <<<"$gap"), so a window is exact to about one 20 ms interval.

## 2. Tool overhead

A deploy of an already pushed tag of the small image (so the pull does not dominate): \`./build.sh --target=DeployDev
--exclusive --image-tag=<tag>\` against \`bench/handwritten.sh pull-first <tag>\`, one ssh login that runs \`sed\` on the
tag, \`docker login --password-stdin\`, \`docker-compose pull web\` and \`docker-compose up -d web\`. Both log in with the
rig's ed25519 key (the tool through \`SSH_PRIVATE_KEY\`, the script with \`ssh -i\`), as deployer, same directory.
The tool also takes a lock, reads and backs up the compose file, waits for health, records history and prunes; the
script checks nothing.

| Variant | Wall time | ÷ script |
|---|---|---|
| tool, HEALTH_SETTLE=3 (default) | $(fmt_s "$settle3") | $(fmt_x "$over3") |
| tool, HEALTH_SETTLE=0 | $(fmt_s "$settle0") | $(fmt_x "$over0") |
| script | $(fmt_s "$script") | 1 |

DOC
source "$BENCH_ROOT/report-text-2.sh"
