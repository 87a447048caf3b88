# Splits a deploy's time by step, from the tool's diagnostic output with a millisecond stamp on each line (see
# trace_deploy in measure.sh). Every remote command's line opens a step that lasts until the next one opens, so the
# tool's own work between commands (and the health gate's pauses) counts toward the step before it.
# Prints "<step>\t<ms>" lines.

function step_of(command) {
  if (command ~ /^sh -c 'echo \$\$; while read/ || command ~ /^sh -c 'd="\$1\/.deploy"; lock=/) return "lock"
  if (command ~ /docker compose version/) return "compose-detection"
  if (command ~ /^sh -c 'f=\$1; max=\$2/) return "read-files-and-plan"
  if (command ~ /^docker login/) return "registry-login"
  if (command ~ /^docker pull/) return "pull"
  if (command ~ /^sh -c 'set -e/) return "write-compose-file"
  if (command ~ /^sync$/) return "sync-after-pull"
  if (command ~ /lockfile=\$1/) return "compose-up"
  if (command ~ /^docker ps --all/ || command ~ /^docker inspect /) return "health-gate"
  if (command ~ /^docker image inspect/ || command ~ /history\.jsonl/) return "digests-and-history"
  if (command ~ /^docker image (ls|rm)/) return "prune"
  if (command ~ /^sh -c 'lock=/) return "unlock"
  return "other"
}

function close_step(now) {
  if (current != "") spent[current] += now - opened
  current = ""
}

{ now = $1 + 0; sub(/^[0-9.]+ /, "") }
/^Executing task: DeployDev/ { spent["host-start"] += now; current = "ssh-connect"; opened = now; next }
/^[^ ]+\$ / && current != "" {
  close_step(now)
  command = $0
  sub(/^[^ ]+\$ /, "", command)
  current = step_of(command)
  opened = now
  next
}
/^Finished executing task: DeployDev/ { close_step(now); finished = now }
/^END$/ { spent["host-exit"] += now - finished }
END { for (s in spent) printf "%s\t%.0f\n", s, spent[s] }
