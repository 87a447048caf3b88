#!/usr/bin/env bash
# Writes BENCHMARKS.md at the repository root from one run's samples and prints its summary table.
#   report.sh <results.tsv> <runs>
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$BENCH_ROOT/stats.sh"

[[ $# == 2 ]] || die "usage: report.sh <results.tsv> <runs>"
RESULTS="$1" runs="$2"
out="$REPO_ROOT/BENCHMARKS.md"

declare -A down
for v in tool-big manual-big tool-small manual-small recreate; do
  down[$v]="$(stat down_longest_ms "down-$v")"
done
manual_big="$(ratio down_longest_ms down-manual-big down-tool-big)"
manual_small="$(ratio down_longest_ms down-manual-small down-tool-small)"
size_tool="$(ratio down_longest_ms down-tool-big down-tool-small)"
size_manual="$(ratio down_longest_ms down-manual-big down-manual-small)"
restart_big="$(ratio down_longest_ms down-tool-big down-recreate)"
restart_small="$(ratio down_longest_ms down-tool-small down-recreate)"
resolution=20
recreate_limit=$(($(median_of "${down[recreate]}" | cut -d. -f1) + resolution))
rate="$(samples_of down_rate_hz '^down-' | summarize)"
gap="$(samples_of down_max_gap_ms '^down-' | summarize)"

settle3="$(stat wall_ms over-tool-settle3)" settle0="$(stat wall_ms over-tool-settle0)" script="$(stat wall_ms over-script)"
over3="$(ratio wall_ms over-tool-settle3 over-script)" over0="$(ratio wall_ms over-tool-settle0 over-script)"

start_sh="$(stat wall_ms start-build-sh)" start_run="$(stat wall_ms start-dotnet-run)"
start_none="$(stat wall_ms start-no-server)" start_ratio="$(ratio wall_ms start-dotnet-run start-build-sh)"

tool_logins="$(samples_of ssh_key_logins '^(down|over)-tool-')"
deploys="$(grep -c . <<<"$tool_logins")" exactly_one="$(grep -cx 1 <<<"$tool_logins" || true)"
script_logins="$(samples_of ssh_key_logins '^(down-manual|over-script)' | sort -u | paste -sd/)"
others="$(awk -F'\t' '$1 == "ssh_password_logins" { n += $4 } END { print n + 0 }' "$RESULTS")"
rss_deploy="$(samples_of rss_kb '^(down|over)-tool-' | summarize)"
rss_plan="$(stat rss_kb start-build-sh)" rss_run="$(stat rss_kb start-dotnet-run)"

summary="$(cat <<TABLE
| Measure | Median (min–max) | Target | Verdict |
|---|---|---|---|
| Downtime of a tool deploy, 212 MB image (longest failed-probe window) | $(fmt_ms "${down[tool-big]}") | | |
| … same, small image | $(fmt_ms "${down[tool-small]}") | | |
| … big ÷ small (does downtime grow with image size?) | $(fmt_x "$size_tool") | ≤ 1.2× | $(verdict "$(median_of "$size_tool")" "<=" 1.2) |
| … container's own stop+start (\`up -d --force-recreate\`, pulled image) | $(fmt_ms "${down[recreate]}") | | |
| … tool ÷ stop+start, big image | $(fmt_x "$restart_big") | tool ≤ stop+start + ${resolution} ms | $(verdict "$(median_of "${down[tool-big]}")" "<=" "$recreate_limit") |
| … tool ÷ stop+start, small image | $(fmt_x "$restart_small") | tool ≤ stop+start + ${resolution} ms | $(verdict "$(median_of "${down[tool-small]}")" "<=" "$recreate_limit") |
| Manual order (rm, pull, up) ÷ tool downtime, big image | $(fmt_x "$manual_big") | ≥ 10× | $(verdict "$(median_of "$manual_big")" ">=" 10) |
| … small image | $(fmt_x "$manual_small") | (none) | |
| Deploy wall time, tool (HEALTH_SETTLE=3, default) ÷ script | $(fmt_x "$over3") | ≤ 1.3× | $(verdict "$(median_of "$over3")" "<=" 1.3) |
| Deploy wall time, tool (HEALTH_SETTLE=0) ÷ script | $(fmt_x "$over0") | ≤ 1.3× | $(verdict "$(median_of "$over0")" "<=" 1.3) |
| Start-up: \`./build.sh --target=DeployDev --dry-run\`, warm | $(fmt_s "$start_sh") | < 1 s | $(verdict "$(median_of "$start_sh")" "<" 1000) |
| … \`dotnet run --project build/Build.csproj -- …\` ÷ build.sh | $(fmt_x "$start_ratio") | | |
| SSH logins per deploy (sshd log) | exactly 1 in $exactly_one of $deploys deploys | exactly 1 | $(verdict "$exactly_one" ">=" "$deploys") |
| Peak memory of the host during a deploy (max RSS) | $(fmt_mib "$rss_deploy") | (report) | |
TABLE
)"

source "$BENCH_ROOT/report-text.sh" >"$out"
printf '%s\n\nWritten to %s\n' "$summary" "$out"
