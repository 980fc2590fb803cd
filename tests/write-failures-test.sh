#!/usr/bin/env bash
# Write failures give a clear message (exit 1) and leave the database as it was: a database locked by
# another process, a file-size limit hit in the middle of an import (as on a full disk), and a folder
# the user may not write to.
#   tests/write-failures-test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
cli="$build/app/rapport-cli"
scratch=$(mktemp -d)
chmod 755 "$scratch"
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home"
fail() { echo "write-failures-test: $*" >&2; exit 1; }
fingerprint() { sqlite3 "$1" "SELECT * FROM contacts ORDER BY id; SELECT * FROM interactions ORDER BY id;" | sha256sum; }
expect_refusal() { # NAME EXPECTED-WORDS COMMAND...
    local name=$1 words=$2
    shift 2
    set +e
    "$@" >"$scratch/out" 2>"$scratch/err"
    local status=$?
    set -e
    [ $status -eq 1 ] || fail "$name: exit $status instead of 1 ($(cat "$scratch/err"))"
    [ "$(wc -l <"$scratch/err")" -ge 1 ] || fail "$name: no message"
    grep -qiE "$words" "$scratch/err" || fail "$name: the message does not say why: $(cat "$scratch/err")"
    echo "  $name: $(head -n1 "$scratch/err")"
}

db="$scratch/rapport.sqlite"
"$cli" --db "$db" contacts add --first Ada --last Lovelace >/dev/null
before=$(fingerprint "$db")

# 1. Another process holds the write lock: Rapport waits its busy timeout, then says so.
( sqlite3 "$db" ".timeout 2000" "BEGIN EXCLUSIVE;" ".shell sleep 9" "COMMIT;" >/dev/null 2>&1 & echo $! >"$scratch/locker" )
for _ in $(seq 50); do # until the other process really holds the lock
    sqlite3 "$db" ".timeout 0" "BEGIN IMMEDIATE;" "ROLLBACK;" >/dev/null 2>&1 || break
    sleep 0.1
done
expect_refusal "locked database" "locked|busy" "$cli" --db "$db" contacts add --first Grace --last Hopper
kill "$(cat "$scratch/locker")" 2>/dev/null || true
wait 2>/dev/null || true
[ "$(fingerprint "$db")" = "$before" ] || fail "locked database: the database changed"

# 2. The disk fills up during an import (a file-size limit of 256 KiB).
csv="$scratch/Connections.csv"
{
    printf 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n'
    awk 'BEGIN { for (i = 1; i <= 20000; i++)
        printf "Person%d,Full%d,https://www.linkedin.com/in/full-%d,,Company %d,Engineer,4 Nov 2022\n", i, i, i, i }'
} >"$csv"
expect_refusal "full disk" "disk|full|large|space|write|I/O" \
    bash -c "trap '' XFSZ; ulimit -f 256; exec \"$cli\" --db \"$db\" import \"$csv\""
[ "$(sqlite3 "$db" 'PRAGMA integrity_check;')" = ok ] || fail "full disk: the database is damaged"
[ "$(fingerprint "$db")" = "$before" ] || fail "full disk: the database changed"

# 3. A folder the user may not write to (as root, run the CLI as nobody).
ro="$scratch/readonly"
mkdir "$ro"
cp "$db" "$ro/rapport.sqlite"
chmod 644 "$ro/rapport.sqlite"
chmod 555 "$ro"
if [ "$(id -u)" -eq 0 ]; then
    as_user=(runuser -u nobody --)
    # Root ignores permissions, so the check runs as nobody, who must be able to reach the binary.
    if ! runuser -u nobody -- test -x "$cli"; then
        echo "write-failures-test: SKIPPED the read-only folder case: nobody cannot run $cli from here" >&2
        echo "write-failures-test: locked and full databases refused with a message, unchanged"
        exit 0
    fi
else
    as_user=()
fi
expect_refusal "read-only folder" "read-only|readonly|permission|cannot|unable" \
    "${as_user[@]}" env HOME=/tmp "$cli" --db "$ro/rapport.sqlite" contacts add --first Grace --last Hopper
[ "$(fingerprint "$ro/rapport.sqlite")" = "$before" ] || fail "read-only folder: the database changed"
echo "write-failures-test: locked, full and read-only databases refused with a message, unchanged"
