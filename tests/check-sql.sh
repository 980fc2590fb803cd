#!/usr/bin/env bash
# Fails when SQL in core/ is assembled from strings (QString::arg or +) without saying why that is safe.
# Values must always be bound (sql::exec's list); only identifiers from the code's own allow-lists
# (column and table names, integer constants) may be spliced in, and such a line carries the marker
# "sql: identifiers only" in a comment on it or on one of the four lines above.
#   tests/check-sql.sh ROOT
set -euo pipefail
root=${1:-.}
keyword='"[ (]*(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|ALTER|VACUUM|REPLACE|WITH)[[:space:]][^"]*'
pattern="${keyword}%[0-9]|${keyword}\"\\)? *\\+|\\+ *(QStringLiteral\\(|QLatin1String\\(|u)?${keyword}"
offenders=0
while IFS=: read -r file line text; do
    [ -n "$file" ] || continue
    start=$((line > 4 ? line - 4 : 1))
    if ! sed -n "${start},${line}p" "$file" | grep -q "sql: identifiers only"; then
        echo "${file#"$root"/}:$line: string-built SQL: $text" >&2
        offenders=$((offenders + 1))
    fi
done < <(grep -rnE --include='*.cpp' --include='*.h' "$pattern" "$root/core" || true)
if [ "$offenders" -gt 0 ]; then
    echo "check-sql: $offenders place(s) build SQL from strings: bind the values, or mark an identifier-only splice with // sql: identifiers only" >&2
    exit 1
fi
echo "check-sql: no string-built SQL in core/"
