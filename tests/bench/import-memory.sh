#!/usr/bin/env bash
# Peak memory of `rapport-cli import`: a LinkedIn Connections.csv of ROWS made-up people (1,500,000 rows is
# 222 MB) is imported into an empty database, previewed again with --dry-run, and imported again (every row
# then matches a stored contact). Each run's peak resident set, as `/usr/bin/time -v` reports it, must stay
# within LIMIT_MB: the import streams the file a batch at a time, so its memory does not grow with the file.
# With WINDOW_DRIVER (tests/bench/rapport_import_window_memory), the window's import is measured the same way:
# the wizard reads and previews the file, its worker imports it into an empty database, and the import is
# undone and redone (redo streams the file again).
#   tests/bench/import-memory.sh RAPPORT_CLI [ROWS] [LIMIT_MB] [WINDOW_DRIVER]  (defaults: 1500000 rows, 300 MB)
set -euo pipefail
cli=$1
rows=${2:-1500000}
limit_mb=${3:-300}
window=${4:-}
[ -x /usr/bin/time ] || { echo "import-memory: /usr/bin/time is needed (GNU time)" >&2; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home"

csv="$scratch/Connections.csv"
{
    printf 'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n'
    printf 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n'
    awk -v rows="$rows" 'BEGIN {
        split("Aiko Kenji Ngozi Omar Zoë Lars Priya Mateo Fatima Chen", first, " ")
        split("Turing Müller Nguyễn Lovelace Okafor Hopper Sørensen García", last, " ")
        split("Wayne Enterprises|Stark Industries|Tyrell Corporation|Initech Software GmbH|Globex International", company, "|")
        split("Senior Sales Director, EMEA|Head of Growth and Partnerships|Principal Data Scientist|Staff Software Engineer", position, "|")
        split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", month, " ")
        for (i = 0; i < rows; i++) {
            f = first[i % 10 + 1]; l = last[int(i / 10) % 8 + 1]
            slug = tolower(f "-" l "-" i)
            email = i % 2 == 0 ? slug "@mail.example.com" : ""
            printf "%s,%s,https://www.linkedin.com/in/%s,%s,%s,\"%s\",%02d %s %d\n", f, l, slug, email,
                company[i % 5 + 1], position[i % 4 + 1], i % 28 + 1, month[i % 12 + 1], 2015 + i % 10
        }
    }'
} >"$csv"
size_mb=$(( $(stat -c %s "$csv") / 1000000 ))
db="$scratch/rapport.sqlite"

# Runs rapport-cli (or, after --window, the window's driver) under GNU time; prints "PEAK_MB SECONDS".
measure() {
    local report="$scratch/time.txt"
    local run=("$cli" --db "$db")
    if [ "$1" = --window ]; then
        shift
        run=("$window" "$db")
    fi
    if ! /usr/bin/time -v -o "$report" "${run[@]}" "$@" >"$scratch/out.txt" 2>"$scratch/err.txt"; then
        echo "import-memory: ${run[*]} $* failed:" >&2
        cat "$scratch/err.txt" >&2
        exit 1
    fi
    local kb wall
    kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$report")
    wall=$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$report")
    echo "$((kb / 1024)) $wall"
}

failed=0
check() {
    local what=$1 peak=$2 wall=$3
    echo "import-memory: $what of $rows rows ($size_mb MB): peak RSS $peak MB, $wall"
    if [ "$peak" -gt "$limit_mb" ]; then
        echo "import-memory: $what peaked at $peak MB, over the $limit_mb MB limit" >&2
        failed=1
    fi
}

# The database, made by importing the header alone: a dry run needs one, and it must stay without contacts.
head -n 5 "$csv" | grep '^First Name,' >"$scratch/header.csv"
"$cli" --db "$db" import "$scratch/header.csv" >/dev/null 2>&1

read -r peak wall < <(measure import --dry-run "$csv")
check "dry run into an empty database" "$peak" "$wall"
[ "$(sqlite3 "$db" 'SELECT count(*) FROM contacts')" = 0 ] || { echo "import-memory: the dry run wrote" >&2; exit 1; }

read -r peak wall < <(measure import "$csv")
check "import into an empty database" "$peak" "$wall"
contacts=$(sqlite3 "$db" 'SELECT count(*) FROM contacts')
[ "$contacts" = "$rows" ] || { echo "import-memory: $contacts contacts after importing $rows rows" >&2; exit 1; }

read -r peak wall < <(measure import "$csv")
check "the same file again (every row matched)" "$peak" "$wall"
grep -q " 0 contacts added, 0 merged, 0 interactions added" "$scratch/out.txt" \
    || { echo "import-memory: the second import changed something: $(cat "$scratch/out.txt")" >&2; exit 1; }

if [ -n "$window" ]; then
    db="$scratch/window.sqlite"
    "$cli" --db "$db" import "$scratch/header.csv" >/dev/null 2>&1
    read -r peak wall < <(measure --window "$csv" undo)
    check "the window's import (preview, import, undo, redo) into an empty database" "$peak" "$wall"
    sed 's/^/import-memory:   /' "$scratch/out.txt"
    contacts=$(sqlite3 "$db" 'SELECT count(*) FROM contacts')
    [ "$contacts" = "$rows" ] || { echo "import-memory: $contacts contacts after the window's import and redo" >&2; exit 1; }
fi

exit "$failed"
