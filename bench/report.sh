#!/usr/bin/env bash
# Fills a template with one run's figures and prints it; run.sh writes BENCHMARKS.md with it.
#   report.sh <run dir> [template]     the run dir holds facts.tsv and results.tsv; the template defaults to
#                                      BENCHMARKS.template.md beside this script
# The template's text is copied as it is. Each {{...}} in it is one cell, and says what it shows:
#   {{FORMAT SOURCE}}                    a summary of the numbers SOURCE names
#   {{target OP LIMIT FORMAT SOURCE}}    four cells: the summary | the target | met or missed | median - target
#                                        (OP <=, <, >= test the median; == tests every number; LIMIT in raw units)
#   {{fact KEY}}, {{facts}}, {{results}} a line of facts.tsv; the whole of each file (results sorted)
# SOURCE   of M V            the samples of metric M, variant V
#          pool MRE VRE      every sample whose metric and variant match these regular expressions
#          ratio M A B       A / B in each round that measured both (they ran side by side)
#          minus M A B       A - B in each round
#          plus M V...       the sum of the variants V... in each round that measured them all
# FORMAT   ms s mib x n d1   "median (min-max)": ms, seconds of ms, MiB of kB, a ratio, plain, one decimal;
#                            with /K, of the numbers divided by K
#          count count=V sum how many numbers, how many equal V, their total
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
run="${1:-}" template="${2:-$here/BENCHMARKS.template.md}"
if (($# < 1 || $# > 2)) || [[ ! -r "$run/facts.tsv" || ! -r "$run/results.tsv" || ! -r "$template" ]]; then
  echo "usage: report.sh <run dir with facts.tsv and results.tsv> [template]" >&2
  exit 2
fi

sorted="$(mktemp)"
trap 'rm -f "$sorted"' EXIT
LC_ALL=C sort -t $'\t' -k1,1 -k2,2 -k3,3n "$run/results.tsv" >"$sorted"

awk -F'\t' '
  function fail(why) { printf "report.sh: %s:%d: %s\n", FILENAME, FNR, why >"/dev/stderr"; failed = 1; return "?" }

  # Sets v[1..n] to the numbers that w[first..k] names, in increasing order; returns n, or -1 if it names none.
  function collect(w, first, k,    n, i, j, r, a, b, seen) {
    n = 0; split("", v); split("", a); split("", b); split("", seen)
    if (w[first] == "of" && k == first + 2) {
      for (i = 1; i <= N; i++) if (M[i] == w[first + 1] && V[i] == w[first + 2]) v[++n] = X[i]
    } else if (w[first] == "pool" && k == first + 2) {
      for (i = 1; i <= N; i++) if (M[i] ~ w[first + 1] && V[i] ~ w[first + 2]) v[++n] = X[i]
    } else if ((w[first] == "ratio" || w[first] == "minus") && k == first + 3) {
      for (i = 1; i <= N; i++) if (M[i] == w[first + 1]) {
        if (V[i] == w[first + 2]) a[R[i]] = X[i]
        if (V[i] == w[first + 3]) b[R[i]] = X[i]
      }
      for (r in a) if (r in b) {
        if (w[first] == "minus") v[++n] = a[r] - b[r]
        else if (b[r] > 0) v[++n] = a[r] / b[r]
      }
    } else if (w[first] == "plus" && k > first + 1) {
      for (i = 1; i <= N; i++) for (j = first + 2; j <= k; j++)
        if (M[i] == w[first + 1] && V[i] == w[j]) { a[R[i]] += X[i]; seen[R[i]]++ }
      for (r in a) if (seen[r] == k - first - 1) v[++n] = a[r]
    } else return -1
    for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { r = v[j]; v[j] = v[j - 1]; v[j - 1] = r }
    return n
  }

  function median(n) { return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }

  # Sets the number pattern, unit and divisor of a "median (min-max)" format; returns 0 if f is not one.
  function unit(f,    parts) {
    split(f, parts, "/"); div = parts[2] == "" ? 1 : parts[2]
    if (parts[1] == "ms") { pat = "%.0f"; suffix = " ms" } else if (parts[1] == "s") { pat = "%.2f"; suffix = " s"; div *= 1000 }
    else if (parts[1] == "mib") { pat = "%.0f"; suffix = " MiB"; div *= 1024 } else if (parts[1] == "x") { pat = "%.2f"; suffix = "×" }
    else if (parts[1] == "n") { pat = "%.0f"; suffix = "" } else if (parts[1] == "d1") { pat = "%.1f"; suffix = "" }
    else return 0
    return 1
  }

  function summary(f, n,    i, s, c, want) {
    if (f == "count") return n
    if (f ~ /^count=/) { want = substr(f, 7) + 0; for (i = 1; i <= n; i++) c += (v[i] == want); return c + 0 }
    if (f == "sum") { for (i = 1; i <= n; i++) s += v[i]; return sprintf("%.0f", s) }
    if (!unit(f)) return fail("unknown format " f)
    if (n == 0) return "—"
    return sprintf(pat suffix " (" pat "–" pat ")", median(n) / div, v[1] / div, v[n] / div)
  }

  function target(w, k,    op, limit, n, med, met, margin, shown) {
    op = w[2]; limit = w[3] + 0
    if (op !~ /^(<=|<|>=|==)$/ || k < 5 || !unit(w[4])) return fail("not a target: " w[2] " " w[3] " " w[4])
    n = collect(w, 5, k)
    if (n < 0) return fail("unknown source " w[5])
    shown = (op == "==" ? "exactly" : op == "<=" ? "≤" : op == ">=" ? "≥" : "<") " " sprintf("%g", limit / div) suffix
    if (n == 0) return "— | " shown " | — | —"
    med = median(n)
    met = op == "<=" ? med <= limit : op == "<" ? med < limit : op == ">=" ? med >= limit : v[1] == limit && v[n] == limit
    margin = sprintf("%+" substr(pat, 2) suffix, (med - limit) / div)
    if (suffix == "×") margin = margin sprintf(" (%+.0f %%)", (med / limit - 1) * 100)
    return summary(w[4], n) " | " shown " | " (met ? "**met**" : "**missed**") " | " margin
  }

  function cell(text,    w, k, n) {
    k = split(text, w, " ")
    if (w[1] == "results") return RESULTS_TEXT
    if (w[1] == "facts") return FACTS_TEXT
    if (w[1] == "fact" && k == 2) return (w[2] in FACT) ? FACT[w[2]] : fail("no fact " w[2] " in facts.tsv")
    if (w[1] == "target") return target(w, k)
    n = collect(w, 2, k)
    return n < 0 ? fail("cannot fill {{" text "}}") : summary(w[1], n)
  }

  FILENAME == ARGV[1] { FACT[$1] = $2; FACTS_TEXT = FACTS_TEXT (FNR > 1 ? "\n" : "") $0; next }
  FILENAME == ARGV[2] { N++; M[N] = $1; V[N] = $2; R[N] = $3; X[N] = $4 + 0; RESULTS_TEXT = RESULTS_TEXT (N > 1 ? "\n" : "") $0; next }
  {
    line = $0; out = ""
    while (match(line, /\{\{[^}]*\}\}/)) {
      out = out substr(line, 1, RSTART - 1) cell(substr(line, RSTART + 2, RLENGTH - 4))
      line = substr(line, RSTART + RLENGTH)
    }
    print out line
  }
  END { exit failed }
' "$run/facts.tsv" "$sorted" "$template"
