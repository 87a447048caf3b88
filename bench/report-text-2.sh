# The second half of BENCHMARKS.md's text; sourced by report-text.sh.
# shellcheck shell=bash disable=SC2154

cat <<DOC
Where a tool deploy's time goes: one more deploy per round (HEALTH_SETTLE=0, small image) ran at diagnostic
verbosity, which prints each server command as it starts and its exit status as it ends; each output line was
stamped on arrival. A step lasts from its first command's line to the next step's, so the tool's own work between
commands counts toward the step before it.

| Step | Time |
|---|---|
$(while IFS='|' read -r step what; do
  printf '| %s | %s |\n' "$what" "$(fmt_ms "$(stat trace_ms "$step")")"
done <<'STEPS'
host-start|host process start: runtime, Cake engine, settings (until the task starts)
ssh-connect|SSH.NET: connect, key exchange, host key check, login
lock|lock: keeper process and `mkdir`
compose-detection|which Compose the server has
read-files-and-plan|read `docker-compose.yml` and `.env`, plan the edit, print the diff
registry-login|`docker login` on the server
pull|`docker pull`
sync-after-pull|`sync` after the pull, while the old container serves
write-compose-file|write the backup and the new file (checksummed, atomic)
compose-up|`docker-compose up --detach --no-deps web` (the recreate), detached on the server
health-gate|health gate: `docker ps` by Compose's labels and `docker inspect` per poll
digests-and-history|image digests for the history line; append to the history
prune|list and prune old images
unlock|release the lock
host-exit|task report and process exit
STEPS
)

Single server commands, each over its own ssh login, for scale:

| Command over one ssh login | Wall time |
|---|---|
| \`true\` (the login alone) | $(fmt_s "$ssh_only") |
| \`docker-compose ps -q web\` (what the health poll ran before it asked Docker directly) | $(fmt_s "$compose_ps") |
| \`docker ps -q --filter label=com.docker.compose.project=… --filter label=…service=web\` (what each health poll runs) | $(fmt_s "$docker_ps") |
| \`docker-compose up -d --no-deps web\` with nothing to change (Compose v1's fixed cost) | $(fmt_s "$compose_noop") |

Compose v1 is a Python program: every \`docker-compose\` call pays its start-up. The script calls it twice (pull, up).
The tool calls it once, for \`up\`; its health gate asks Docker directly and polls at most once a second until the container has
run unrestarted for the settle time, so the default settle adds at least 3 s and a few more polls.

## 3. Start-up

Plan mode of a deploy (\`--dry-run\`, nothing changed since the last build), settings pointing at the rig; it connects
and runs the read-only commands (lock check, Compose detection, reading the compose file and \`.env\`, image digests,
image list) to print the real diff.

| Command | Wall time | CPU time (user + system) | Peak RSS |
|---|---|---|---|
| \`./build.sh --target=DeployDev --dry-run\` | $(fmt_s "$start_sh") | $(fmt_s "$(stat cpu_ms start-build-sh)") | $(fmt_mib "$rss_plan") |
| the same with nothing listening on the SSH port (the host's own start and plan) | $(fmt_s "$start_none") | $(fmt_s "$(stat cpu_ms start-no-server)") | $(fmt_mib "$(stat rss_kb start-no-server)") |
| \`dotnet run --project build/Build.csproj -- --target=DeployDev --dry-run\` | $(fmt_s "$start_run") | $(fmt_s "$(stat cpu_ms start-dotnet-run)") | $(fmt_mib "$rss_run") (largest process) |

\`dotnet run\` ÷ build.sh: $(fmt_x "$start_ratio"). \`dotnet run\` evaluates the project with MSBuild and checks that
it is up to date before it starts the host; build.sh compares file times with \`find\` and runs the built host. The
server round trips of the plan (build.sh with the server minus without) take $(fmt_s "$plan_remote").

## 4. SSH connections per deploy

Counted in the rig's sshd log (\`Accepted publickey for deployer\`, one line per authenticated connection) between
the start and the end of each command. Everything the benchmarks run logs in with the key; the concurrent test suites
log in with the password, so their lines (\`Accepted password\`) are told apart and not counted.

- Tool deploys: $(samples_of ssh_key_logins '^(down|over)-tool-' | sort -g | uniq -c \
  | awk '{ printf "%s%s login(s) in %s", sep, $2, $1; sep = ", " }') of the $deploys deploys.
- Plan mode (\`--dry-run\`): $(samples ssh_key_logins start-build-sh | sort -u | paste -sd/) per run.
- Scripts (manual order, pull-first): $script_logins per run.

## 5. Peak memory

Maximum resident set size of the host process (\`/usr/bin/time -v\`; build.sh \`exec\`s the host, so it is that
process) over all $deploys tool deploys: $(fmt_mib "$rss_deploy"). The deploy streams the image pull on the server;
the host holds only command output, so memory does not depend on the image's size:
big image $(fmt_mib "$(stat rss_kb down-tool-big)"), small image $(fmt_mib "$(stat rss_kb down-tool-small)").

DOC
source "$BENCH_ROOT/report-misses.sh"
cat <<DOC

## Samples

Every sample of this run (metric, variant, round, value; times in ms, memory in kB):

<details><summary>$(grep -c . "$RESULTS") samples</summary>

\`\`\`
$(sort -k1,1 -k2,2 -k3,3n "$RESULTS")
\`\`\`
</details>
DOC
