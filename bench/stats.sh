# Summaries of the samples in $RESULTS (metric, variant, run, value). Sourced by report.sh.
# shellcheck shell=bash

# "median min max n" of numbers on stdin, or nothing when there are none.
summarize() {
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) exit
    median = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%s %s %s %d\n", median, v[1], v[NR], NR }'
}

samples() {
  awk -F'\t' -v m="$1" -v v="$2" '$1 == m && $2 == v { print $4 }' "$RESULTS"
}

# Values of a metric over every variant matching a regular expression.
samples_of() {
  awk -F'\t' -v m="$1" -v v="$2" '$1 == m && $2 ~ v { print $4 }' "$RESULTS"
}

stat() { samples "$1" "$2" | summarize; }

# The ratio a/b of each run in which both were measured (they ran side by side in that run's round).
ratio() {
  awk -F'\t' -v m="$1" -v a="$2" -v b="$3" '
    $1 == m && $2 == a { x[$3] = $4 }
    $1 == m && $2 == b { y[$3] = $4 }
    END { for (r in x) if ((r in y) && y[r] > 0) printf "%.6f\n", x[r] / y[r] }' "$RESULTS" | summarize
}

# Formatting of a "median min max n" line: ms, seconds, MiB from kB, a plain ratio.
fmt_ms() { awk '{ printf "%.0f ms (%.0f–%.0f)", $1, $2, $3 }' <<<"$1"; }
fmt_s() { awk '{ printf "%.2f s (%.2f–%.2f)", $1 / 1000, $2 / 1000, $3 / 1000 }' <<<"$1"; }
fmt_mib() { awk '{ printf "%.0f MiB (%.0f–%.0f)", $1 / 1024, $2 / 1024, $3 / 1024 }' <<<"$1"; }
fmt_x() { awk '{ printf "%.2f× (%.2f–%.2f)", $1, $2, $3 }' <<<"$1"; }
median_of() { cut -d' ' -f1 <<<"$1"; }

# "met" or "missed" for a comparison of two numbers: verdict <value> <op> <limit>, op one of <= < >=.
verdict() {
  awk -v x="$1" -v op="$2" -v y="$3" 'BEGIN {
    ok = (op == "<=") ? x <= y : (op == "<") ? x < y : x >= y
    print ok ? "**met**" : "**missed**" }'
}

# The difference a - b of each run, for two metrics of one variant or one metric of two variants:
#   difference <metric-a> <variant-a> <metric-b> <variant-b>
difference() {
  awk -F'\t' -v ma="$1" -v va="$2" -v mb="$3" -v vb="$4" '
    $1 == ma && $2 == va { x[$3] = $4 }
    $1 == mb && $2 == vb { y[$3] = $4 }
    END { for (r in x) if (r in y) print x[r] - y[r] }' "$RESULTS" | summarize
}
