#!/usr/bin/env bash
# Checks report.sh without the rig: a made-up run against figures worked out by hand, then BENCHMARKS.md against
# its own raw data (the file must be what report.sh makes of the template and that data).
#   report-test.sh            check
#   report-test.sh --write    rewrite BENCHMARKS.md from its own raw data (after an edit of the template)
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
published="$bench/../BENCHMARKS.md"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/made-up" "$work/published"

printf '%s\t%s\n' name test >"$work/made-up/facts.tsv"
printf '%s\t%s\t%s\t%s\n' wall_ms a 1 100 wall_ms a 2 300 wall_ms a 3 200 wall_ms b 1 50 wall_ms b 2 100 \
  wall_ms b 3 100 wall_ms b 4 999 logins a 1 1 logins a 2 1 logins a 3 2 rss_kb c 1 1024 rss_kb c 2 3072 \
  >"$work/made-up/results.tsv"
cat >"$work/template.md" <<'MD'
{{fact name}}: {{ms of wall_ms a}}, {{s of wall_ms a}}, {{ms/10 of wall_ms a}}, {{mib of rss_kb c}}
{{x ratio wall_ms a b}}, {{ms minus wall_ms a b}}, {{ms plus wall_ms a b}}, {{ms of wall_ms none}}
{{count pool ^logins$ .}}, {{count=1 pool ^logins$ ^a$}}, {{sum pool ^logins$ .}}, {{count pool ^redone$ .}}
| {{target <= 2.5 x ratio wall_ms a b}} |
| {{target >= 150 ms of wall_ms a}} |
| {{target == 1 n of logins a}} |
MD
cat >"$work/expected.md" <<'MD'
test: 200 ms (100–300), 0.20 s (0.10–0.30), 20 ms (10–30), 2 MiB (1–3)
2.00× (2.00–3.00), 100 ms (50–200), 300 ms (150–400), —
3, 2, 4, 0
| 2.00× (2.00–3.00) | ≤ 2.5× | **met** | -0.50× (-20 %) |
| 200 ms (100–300) | ≥ 150 ms | **met** | +50 ms |
| 1 (1–2) | exactly 1 | **missed** | +0 |
MD
"$bench/report.sh" "$work/made-up" "$work/template.md" | diff -u "$work/expected.md" - \
  || { echo "report-test: the made-up run's figures are wrong (diff above)" >&2; exit 1; }
echo '{{of wall_ms a}}' >"$work/typo.md"
if "$bench/report.sh" "$work/made-up" "$work/typo.md" >/dev/null 2>&1; then
  echo "report-test: a placeholder without a format was filled instead of refused" >&2
  exit 1
fi

# The raw data is the two fenced blocks after "## Raw data": facts.tsv, then results.tsv.
awk -v dir="$work/published" '/^## Raw data/ { raw = 1 } raw && /^```$/ { fence++; next }
  raw && fence == 1 { print >(dir "/facts.tsv") } raw && fence == 3 { print >(dir "/results.tsv") }' "$published"
[[ -s "$work/published/results.tsv" ]] || { echo "report-test: no raw data in $published" >&2; exit 1; }
"$bench/report.sh" "$work/published" >"$work/BENCHMARKS.md"
if [[ "${1:-}" == --write ]]; then
  cp "$work/BENCHMARKS.md" "$published"
elif ! diff -u "$published" "$work/BENCHMARKS.md"; then
  echo "report-test: BENCHMARKS.md is not what the template and its raw data make (diff above; --write rewrites it)" >&2
  exit 1
fi
echo "report-test: ok"
