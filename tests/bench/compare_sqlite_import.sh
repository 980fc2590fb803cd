#!/usr/bin/env bash
# Compares Rapport's import of a 30,000-row LinkedIn Connections.csv with two imports of the same file by the
# sqlite3 shell:
# - bare: `.import --csv` into a table of text columns, no index, the shell's defaults (the raw speed of SQLite);
# - same schema: the rows written into Rapport's own schema (its tables, indexes and triggers, WAL,
#   synchronous = FULL, foreign keys), one contact and one acceptance logged per row as Rapport writes them,
#   in one transaction: the honest floor of what Rapport's import can cost (goal: at most 2 times it).
# All medians are wall-clock and include opening, committing and closing the database file; the schema is made
# before the clock starts, as the benchmark opens Rapport's database before timing it.
#   tests/bench/compare_sqlite_import.sh build/release/tests/bench/rapport_bench [RUNS] [RAPPORT_CLI]
# RAPPORT_CLI (to make the schema) defaults to the rapport-cli of the same build.
set -euo pipefail
bench=${1:?usage: $0 path/to/rapport_bench [runs] [path/to/rapport-cli]}
runs=${2:-7}
cli=${3:-$(dirname "$bench")/../../app/rapport-cli}
csv=${TMPDIR:-/tmp}/rapport-bench-connections-30000.csv
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (apt-get install sqlite3)" >&2; exit 1; }
[ -x "$cli" ] || { echo "rapport-cli not found at $cli (pass it as the third argument)" >&2; exit 1; }

# Rapport first: it writes the file sqlite3 then reads.
report=$("$bench" --benchmark_filter='BM_(Import|Reimport)Connections' --benchmark_repetitions="$runs" \
    --benchmark_report_aggregates_only=true 2>/dev/null)
echo "$report" | grep -E 'median|Benchmark'
# The median's wall-clock time in ms (the bench reports in ms: Unit(kMillisecond)); $2: the file parsed whole
# first, as the window imports (0), or streamed, as rapport-cli does (1).
# $3: the column, 2 for wall-clock time, 4 for CPU time.
median_of() {
    echo "$report" | awk -v name="$1/30000/$2/" -v column="${3:-2}" \
        'index($1, name) == 1 && $1 ~ /_median$/ { print $column; exit }'
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
# Runs a command and appends its wall-clock and CPU (user + system) milliseconds to `walls` and `cpus`.
timed() {
    /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$@"
    read -r wall user system <"$work/time.txt"
    walls+=("$(awk -v t="$wall" 'BEGIN { printf "%d", t * 1000 }')")
    cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%d", (u + s) * 1000 }')")
}

# Bare: --skip 3 skips the "Notes:" preamble, its paragraph and the blank line; the header names the columns.
walls=() cpus=()
for _ in $(seq "$runs"); do
    rm -f "$work/bare.db"
    timed sqlite3 "$work/bare.db" ".import --csv --skip 3 $csv connections"
done
bare_ms=$(median "${walls[@]}") bare_cpu=$(median "${cpus[@]}")
echo "sqlite3 .import --csv (bare table), median of $runs: ${bare_ms} ms (CPU ${bare_cpu} ms)" \
    "(rows: $(sqlite3 "$work/bare.db" 'SELECT count(*) FROM connections'))"

# Same schema: Rapport makes it (importing the header alone), sqlite3 copies it into each run's database.
head -n 5 "$csv" | grep '^First Name,' >"$work/header.csv"
"$cli" --db "$work/schema.sqlite" import "$work/header.csv" >/dev/null 2>&1 \
    || { echo "rapport-cli could not make a database" >&2; exit 1; }
# The file is read into a temporary table, then written as Rapport writes it: a contact per row with its
# identity keys (profile and email, lower-cased), the connection's date as an acceptance logged for it (the
# database is empty, so a row's contact has the row's number as its id).
cat >"$work/load.sql" <<EOF
PRAGMA synchronous = FULL;
PRAGMA foreign_keys = ON;
PRAGMA cache_size = -65536;
PRAGMA temp_store = MEMORY;
.import --csv --skip 3 --schema temp $csv staging
BEGIN;
INSERT INTO contacts (first_name, last_name, profile_url, profile_key, email, email_key, company, position,
                      created_at, updated_at)
SELECT "First Name", "Last Name", URL, lower(rtrim(URL, '/')), "Email Address", lower("Email Address"), Company,
       Position, 1700000000000, 1700000000000
FROM temp.staging;
INSERT INTO interactions (contact_id, kind, occurred_at)
SELECT rowid, 'request_accepted',
       CAST((julianday(printf('%s-%02d-%02d', substr(c, -4),
                              (instr('JanFebMarAprMayJunJulAugSepOctNovDec', substr(c, instr(c, ' ') + 1, 3)) + 2) / 3,
                              CAST(c AS INTEGER))) - 2440587.5) * 86400000 AS INTEGER)
FROM (SELECT rowid, "Connected On" AS c FROM temp.staging ORDER BY rowid);
COMMIT;
EOF
walls=() cpus=()
for _ in $(seq "$runs"); do
    rm -f "$work/floor.db" "$work/floor.db-wal" "$work/floor.db-shm"
    sqlite3 "$work/schema.sqlite" ".backup $work/floor.db"
    sqlite3 "$work/floor.db" 'PRAGMA journal_mode = WAL' >/dev/null
    timed sqlite3 "$work/floor.db" -init "$work/load.sql" </dev/null
done
floor_ms=$(median "${walls[@]}") floor_cpu=$(median "${cpus[@]}")
echo "sqlite3 into Rapport's schema (same tables, indexes, WAL, synchronous=FULL), median of $runs: ${floor_ms} ms" \
    "(CPU ${floor_cpu} ms)" \
    "(contacts: $(sqlite3 "$work/floor.db" 'SELECT count(*) FROM contacts')," \
    "entries: $(sqlite3 "$work/floor.db" 'SELECT count(*) FROM interactions'))"

for streamed in 0 1; do
    import_ms=$(median_of BM_ImportConnectionsIntoEmptyDatabase $streamed)
    import_cpu=$(median_of BM_ImportConnectionsIntoEmptyDatabase $streamed 4)
    reimport_ms=$(median_of BM_ReimportConnections $streamed)
    awk -v how="$([ $streamed = 1 ] && echo "streamed (rapport-cli)" || echo "parsed whole (the window)")" \
        -v i="$import_ms" -v r="$reimport_ms" -v b="$bare_ms" -v f="$floor_ms" \
        -v ic="$import_cpu" -v bc="$bare_cpu" -v fc="$floor_cpu" 'BEGIN {
        printf "%s: import %.0f ms / sqlite3 bare .import: %.2fx; / sqlite3 into the same schema: %.2fx (goal: at most 2);", how, i, i / b, i / f
        printf " re-import / import: %.2f (goal: at most 0.7)\n", r / i
        printf "    in CPU time (steadier on a busy machine): import %.0f ms / bare: %.2fx; / same schema: %.2fx\n", ic, ic / bc, ic / fc }'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
