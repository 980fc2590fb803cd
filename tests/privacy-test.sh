#!/usr/bin/env bash
# Rapport never talks to the network: runs the CLI through its commands and the window (offscreen) under
# strace, and fails on any socket that is not local (AF_UNIX, AF_NETLINK), or any connect() to an
# internet address. Also checks that the database, its WAL and backups are owner-only.
#   tests/privacy-test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data"
db="$scratch/rapport.sqlite"
# LeakSanitizer cannot run under ptrace: in the sanitizer build (ASAN_OPTIONS set) the traced runs check
# memory errors but not leaks; every other test there checks leaks.
trace() {
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        strace -f -qq -e trace=socket,connect -o "$scratch/trace.$RANDOM" "$@"
}

cli="$build/app/rapport-cli"
trace "$cli" --db "$db" contacts add --first Ada --last Lovelace --url https://www.linkedin.com/in/ada/ >/dev/null
trace "$cli" --db "$db" log 1 request_sent --text "Hi Ada" >/dev/null
trace "$cli" --db "$db" contacts list --json >/dev/null
trace "$cli" --db "$db" backup >/dev/null
set +e
QT_QPA_PLATFORM=offscreen trace timeout 5 "$build/app/rapport" --db "$db" >/dev/null 2>&1
status=$?
set -e
[ $status -eq 124 ] || { echo "privacy-test: the window did not keep running (exit $status)" >&2; exit 1; }

if grep -hE 'socket\((AF_INET|AF_INET6|AF_PACKET)|connect\([0-9]+, \{sa_family=AF_INET6?' "$scratch"/trace.*; then
    echo "privacy-test: Rapport opened a network socket (above)" >&2
    exit 1
fi
sockets=$(cat "$scratch"/trace.* | grep -c 'socket(' || true)

for file in "$db" "$db-wal" "$db-shm" "$scratch"/backups/*.sqlite; do
    [ -e "$file" ] || continue
    mode=$(stat -c %a "$file")
    [ "$mode" = 600 ] || { echo "privacy-test: $file has mode $mode, not 600" >&2; exit 1; }
done
ls "$scratch"/backups/*.sqlite >/dev/null 2>&1 || { echo "privacy-test: no backup was written" >&2; exit 1; }
echo "privacy-test: no network sockets ($sockets local socket calls); database, WAL and backups are 0600"
