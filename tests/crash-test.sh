#!/usr/bin/env bash
# Crash safety of an import: kills `rapport-cli import` of a 30,000-row Connections.csv with SIGKILL at
# random moments, and checks every time that the database passes integrity_check and foreign_key_check
# and holds exactly the contacts and log from before the import or from after it, nothing in between.
#   tests/crash-test.sh BUILD_DIR [RUNS]     (RUNS defaults to 50; RANDOM_SEED fixes the moments)
set -euo pipefail
build=$(cd "$1" && pwd)
runs=${2:-50}
RANDOM=${RANDOM_SEED:-$$}
cli="$build/app/rapport-cli"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home"

# A LinkedIn export as the real one looks, with 30,000 made-up people.
csv="$scratch/Connections.csv"
{
    printf 'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n\n'
    printf 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n'
    awk 'BEGIN { for (i = 1; i <= 30000; i++)
        printf "Person%d,Crash%d,https://www.linkedin.com/in/person-%d,,Company %d,Engineer,%d Nov 2022\n", i, i, i, i % 500, (i % 28) + 1 }'
} >"$csv"

# The state before: a few contacts, one of whom the import will merge.
base="$scratch/base.sqlite"
"$cli" --db "$base" contacts add --first Ada --last Lovelace --url https://www.linkedin.com/in/ada/ >/dev/null
"$cli" --db "$base" contacts add --first Person7 --last Crash7 --url https://www.linkedin.com/in/person-7 >/dev/null
"$cli" --db "$base" log 1 note --text "before the import" >/dev/null

fingerprint() {
    sqlite3 "$1" "SELECT id, first_name, last_name, company, position, profile_key, email, tags, notes FROM contacts ORDER BY id;
                  SELECT id, contact_id, kind, occurred_at, text FROM interactions ORDER BY id;" | sha256sum | cut -d' ' -f1
}
before=$(fingerprint "$base")
cp "$base" "$scratch/after.sqlite"
start=$(date +%s%N)
"$cli" --db "$scratch/after.sqlite" import "$csv" >/dev/null
duration_ms=$(( ($(date +%s%N) - start) / 1000000 ))
after=$(fingerprint "$scratch/after.sqlite")
[ "$before" != "$after" ] || { echo "crash-test: the import changed nothing" >&2; exit 1; }

saw_before=0
saw_after=0
for run in $(seq 1 "$runs"); do
    db="$scratch/run.sqlite"
    rm -f "$db" "$db-wal" "$db-shm"
    cp "$base" "$db"
    # Up to twice the import's length, so that kills land before, during and after the commit.
    delay_ms=$(( RANDOM % (2 * duration_ms + 1) ))
    "$cli" --db "$db" import "$csv" >/dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true

    integrity=$(sqlite3 "$db" "PRAGMA integrity_check;")
    [ "$integrity" = ok ] || { echo "crash-test: run $run (killed at ${delay_ms} ms): integrity_check says $integrity" >&2; exit 1; }
    foreign=$(sqlite3 "$db" "PRAGMA foreign_key_check;")
    [ -z "$foreign" ] || { echo "crash-test: run $run: foreign_key_check found $foreign" >&2; exit 1; }
    state=$(fingerprint "$db")
    if [ "$state" = "$before" ]; then
        saw_before=$((saw_before + 1))
    elif [ "$state" = "$after" ]; then
        saw_after=$((saw_after + 1))
    else
        echo "crash-test: run $run (killed at ${delay_ms} ms): the database holds a partial import" >&2
        exit 1
    fi
done
echo "crash-test: $runs runs killed within ${duration_ms} ms imports: $saw_before left the state before, $saw_after the state after, none partial or damaged"
