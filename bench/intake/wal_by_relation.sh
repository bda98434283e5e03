#!/usr/bin/env bash
# Where the WAL of an LSN range went, by table and index, sorted by bytes: bytes, share, bytes per
# ticket with and without full-page images (FPW), records and FPWs per ticket (TICKETS: how many
# the load made; 1 gives totals). A record counts under the relation of its first block; records
# without a block (commits, …) under their resource manager, in parentheses.
# Usage (the local cluster, as a user who can read its pg_wal; PGHOST etc. as for run.sh):
#   L0=$(psql -tA -d "$DB" -c "SELECT pg_current_wal_lsn()")   # then the load, then L1 the same way
#   bench/intake/wal_by_relation.sh "$DB" "$L0" "$L1" "$TICKETS"
# A checkpoint recycles old segments: read a range of a few seconds of load soon after it ran.
set -euo pipefail
DB=$1 START=$2 END=$3 TICKETS=${4:-1}
PGDATA=$(psql -tA -d postgres -c "SHOW data_directory")
DBOID=$(psql -tA -d "$DB" -c "SELECT oid FROM pg_database WHERE datname = current_database()")
WALDUMP=$(command -v pg_waldump || ls /usr/lib/postgresql/*/bin/pg_waldump | tail -1)
TMP=$(mktemp)
trap 'rm -f "$TMP"' EXIT
"$WALDUMP" -p "$PGDATA/pg_wal" -s "$START" -e "$END" 2>/dev/null | awk -v db="$DBOID" '
  /^rmgr:/ {
    split($0, a, "len \\(rec/tot\\): *"); split(a[2], b, "/"); rec = b[1] + 0; tot = b[2] + 0
    key = "(" $2 ")"
    if (match($0, /rel [0-9]+\/[0-9]+\/[0-9]+/)) {
      split(substr($0, RSTART + 4, RLENGTH - 4), r, "/")
      key = (r[2] == db) ? r[3] : (r[2] == 0 ? "shared:" r[3] : "other-db")
    }
    bytes[key] += tot; plain[key] += rec; recs[key]++; if ($0 ~ / FPW/) fpw[key]++
  }
  END { for (k in bytes) printf "%s %d %d %d %d\n", k, bytes[k], recs[k], fpw[k] + 0, plain[k] }' >"$TMP"
NAMES=$(psql -tA -F' ' -d "$DB" -c "SELECT pg_relation_filenode(oid), relname FROM pg_class WHERE pg_relation_filenode(oid) IS NOT NULL")
awk -v t="$TICKETS" -v names="$NAMES" '
  BEGIN { n = split(names, l, "\n"); for (i = 1; i <= n; i++) { split(l[i], q, " "); name[q[1]] = q[2] } }
  { k = ($1 in name) ? name[$1] : $1; b[k] += $2; r[k] += $3; f[k] += $4; p[k] += $5
    tb += $2; tr += $3; tf += $4; tp += $5 }
  END {
    printf "%-36s %12s %7s %8s %12s %8s %8s\n", "relation", "bytes", "share", "bytes/t", "no-fpw B/t", "recs/t", "fpw/t"
    for (k in b) printf "%-36s %12d %6.1f%% %8.0f %12.0f %8.2f %8.3f\n", k, b[k], 100 * b[k] / tb, b[k] / t, p[k] / t, r[k] / t, f[k] / t | "sort -k2 -nr"
    close("sort -k2 -nr")
    printf "%-36s %12d %6.1f%% %8.0f %12.0f %8.2f %8.3f\n", "total", tb, 100, tb / t, tp / t, tr / t, tf / t
  }' "$TMP"
