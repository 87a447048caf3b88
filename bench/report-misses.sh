# The "Targets missed" section of BENCHMARKS.md: for each missed target, by how much, why, and what would close
# it. The explanations rest on this run's own rows above. Sourced by report-text-2.sh.
# shellcheck shell=bash disable=SC2154

missed() { [[ "$(verdict "$@")" == *missed* ]]; }
pct_over() { awk -v x="$1" -v y="$2" 'BEGIN { printf "%.0f %%", (x / y - 1) * 100 }'; }
med() { median_of "$1"; }
any=no

echo "## Targets missed"
echo
if missed "$(med "$size_tool")" "<=" 1.2 || missed "$(med "${down[tool-big]}")" "<=" "$recreate_limit"; then
  any=yes
  cat <<DOC
**Downtime with the big image** (big ÷ small $(fmt_x "$size_tool") against ≤ 1.2×; tool $(med "${down[tool-big]}") ms
against stop+start $(med "${down[recreate]}") ms + ${resolution} ms). The pull is not in the window: the tool pulls while
the old container serves. But the recreate starts the moment the pull ends, while the kernel is still writing the
212 MB just pulled to disk, and Docker's stop, create and start evidently wait behind that writeback. The recreate rows show
it without the tool: a recreate right after a 212 MB pull of an image that is not even deployed is $(fmt_x "$after_pull")
the plain one, and $(fmt_x "$after_sync") when \`sync\` runs between them. The tool runs that \`sync\` after the pull
(\`ServerImages.PullAsync\`); if the ratio is still over, the flush did not keep up on this run's disk.

DOC
fi
if missed "$(med "${down[tool-small]}")" "<=" "$recreate_limit"; then
  any=yes
  read -r _ small_min _ <<<"${down[tool-small]}"
  read -r _ _ recreate_max _ <<<"${down[recreate]}"
  cat <<DOC
**Downtime with the small image** (tool $(fmt_ms "${down[tool-small]}") against stop+start $(fmt_ms "${down[recreate]}"),
$(pct_over "$(med "${down[tool-small]}")" "$(med "${down[recreate]}")") over by the medians). The tool's window is the same
\`docker-compose up\` recreate as the stop+start row.
DOC
  if awk -v a="$small_min" -v b="$recreate_max" 'BEGIN { exit !(a <= b) }'; then
    echo "The two ranges overlap: on this loaded machine the difference is within the spread of the same operation."
  else
    echo "The two ranges do not overlap, so something around the tool's recreate slows it on this run: most likely"
    echo "other load on the 2 cores while the new container boots (see Machine)."
  fi
  echo
fi
if missed "$(med "$manual_big")" ">=" 10; then
  any=yes
  cat <<DOC
**Manual order ÷ tool, big image** ($(fmt_x "$manual_big") against ≥ 10×, short by
$(awk -v x="$(med "$manual_big")" 'BEGIN { printf "%.1f×", 10 - x }')). The manual order is down for the pull plus two
Compose v1 starts; the tool only for one recreate. Here the registry is on the same machine, so the 212 MB arrive in
about $(fmt_s "$(difference down_longest_ms down-manual-big down_longest_ms down-manual-small)") (manual big − manual small),
and 10× would need the tool's window under $(awk -v m="$(med "${down[manual-big]}")" 'BEGIN { printf "%.0f ms", m / 10 }'),
against this machine's stop+start of the container with Compose of $(med "${down[recreate]}") ms (plain
\`docker restart\`: $(med "$(stat down_longest_ms down-restart)") ms). Against a registry across a network the manual
window grows with the download (212 MB at 100 Mbit/s is about 17 s more) while the tool's does not, so there the
ratio grows past 10×. The tool's window is already the container's own stop+start (the rows above): measured against
that stop+start itself the manual order is only $(awk -v m="$(med "${down[manual-big]}")" -v r="$(med "${down[recreate]}")" \
  'BEGIN { printf "%.1f×", m / r }') longer here. **To close it on this rig:** a design that never stops the serving container
first: start the new container beside the old one and switch traffic with a proxy in front (what Kamal does with
kamal-proxy), which the compose-file deploy this project asked for does not have.

DOC
fi
for settle in 3 0; do
  if [[ "$settle" == 3 ]]; then over="$over3"; else over="$over0"; fi
  missed "$(med "$over")" "<=" 1.3 || continue
  any=yes
  cat <<DOC
**Overhead, HEALTH_SETTLE=$settle** ($(fmt_x "$over") of the script's wall time against ≤ 1.3×,
$(pct_over "$(med "$over")" 1.3) over the target).
DOC
  if [[ "$settle" == 3 ]]; then
    cat <<DOC
Most of it is the health gate by design: the tool watches the new container run unrestarted for 3 s, which the script
never does (it costs $(fmt_s "$settle_cost") more than HEALTH_SETTLE=0). This is the price of the health gate and
rollback, not waste: with HEALTH_SETTLE=0 the same deploy takes $(fmt_x "$over0") of the script's time; a shorter settle, or a HEALTHCHECK in the image (then
Docker's own health state decides), trades it against how sure the gate is.

DOC
  else
    extras="$(for step in lock compose-detection read-files-and-plan write-compose-file digests-and-history prune unlock; do
      median_of "$(stat trace_ms "$step")"; done | awk '{ s += $1 } END { printf "%.0f ms", s }')"
    cat <<DOC
With no settle time the traced deploy (see section 2) shows where the rest goes: the host's start
($(fmt_ms "$host_phase")) and SSH.NET's connection ($(fmt_ms "$connect_phase"), against $(fmt_s "$ssh_only") for a
whole OpenSSH login running \`true\`); the health gate's one poll ($(fmt_ms "$(stat trace_ms health-gate)"), a
\`docker ps\` by Compose's labels and a \`docker inspect\`); and about $extras for the lock, Compose detection, reading and writing the compose file,
digests, history, prune and unlock, one or two short server commands each. **To close it:** run the read-only
steps (detection, the two reads, the digests) as one remote script.

DOC
  fi
done
if missed "$(med "$start_sh")" "<" 1000; then
  any=yes
  cat <<DOC
**Start-up** (\`./build.sh --target=DeployDev --dry-run\` $(fmt_s "$start_sh") against < 1 s, over by
$(awk -v x="$(med "$start_sh")" 'BEGIN { printf "%.0f ms", x - 1000 }')). Without a server the same command takes
$(fmt_s "$start_none"): the .NET runtime, Cake's engine and the settings. The rest, $(fmt_s "$plan_remote"), is the
SSH connection (key exchange and login in SSH.NET, on a cold process) and the plan's read-only server commands, each
its own SSH channel and most of them a Docker CLI start. On this machine, shared and loaded (see Machine), both parts
are slower than on an idle one. The host is already published ReadyToRun and plans skip the digest and prune
look-ups. **To close it:** batch the plan's read-only commands (Compose detection, the compose file, \`.env\`) into one
remote script.

DOC
fi
if [[ "$any" == no ]]; then
  echo "None: every target in the summary was met in this run."
fi
