#!/usr/bin/env bash
# Compares Rapport's import of a 30,000-row LinkedIn Connections.csv with sqlite3's own `.import --csv` of the
# same file into a bare table (issue 4: at most 3 times as long). Both medians are wall-clock, both include
# opening, committing and closing the database file.
#   tests/bench/compare_sqlite_import.sh build/release/tests/bench/rapport_bench
set -euo pipefail
bench=${1:?usage: $0 path/to/rapport_bench [runs]}
runs=${2:-7}
csv=${TMPDIR:-/tmp}/rapport-bench-connections-30000.csv
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (apt-get install sqlite3)" >&2; exit 1; }

# Rapport first: it writes the file sqlite3 then reads.
report=$("$bench" --benchmark_filter='BM_(Import|Reimport)Connections' --benchmark_repetitions="$runs" \
    --benchmark_report_aggregates_only=true 2>/dev/null)
echo "$report" | grep -E 'median|Benchmark'
# The median's wall-clock time in ms (the bench reports in ms: Unit(kMillisecond)).
median_of() { echo "$report" | awk -v name="$1" '$1 ~ name && $1 ~ /_median$/ { print $2; exit }'; }
import_ms=$(median_of BM_ImportConnectionsIntoEmptyDatabase)
reimport_ms=$(median_of BM_ReimportConnections)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
times=()
for _ in $(seq "$runs"); do
    rm -f "$work/bare.db"
    start=$(date +%s%N)
    # --skip 3: the "Notes:" preamble, its paragraph and the blank line; the header names the columns.
    sqlite3 "$work/bare.db" ".import --csv --skip 3 $csv connections"
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
echo "sqlite3 .import --csv (bare table), median of $runs: ${median} ms (rows: $(sqlite3 "$work/bare.db" 'SELECT count(*) FROM connections'))"
awk -v i="$import_ms" -v r="$reimport_ms" -v s="$median" 'BEGIN {
    printf "import / sqlite3: %.2fx (goal: at most 3); re-import / import: %.2f (goal: at most 1)\n", i / s, r / i }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
