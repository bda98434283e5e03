#!/usr/bin/env bash
# Figures (三率) benchmark (issue 11, "Speed"). One command, from the repository root:
#   bench/stats/run.sh                 5,000,000 tickets over 24 months (TICKETS=1000000 for fewer)
#   STATS_DB=stats_bench_123 bench/stats/run.sh   measure again on a database generated earlier
# PostgreSQL at PGHOST:PGPORT (default 127.0.0.1:5432, user postgres). Builds target/hotline.jar
# if missing. A fresh database is migrated by the server's own Flyway (the jar is started once),
# filled chunk by chunk with generate_series (bench/stats/generate.sql), vacuumed and analysed;
# then the real server answers GET /api/stats/departments (department x month, one month; one
# department's 12-month trend; more shapes) and GET /api/stats/publication, cold once then warm
# 10 times each, and pgbench runs the ratings-list statements (bench/stats/ratings-list-*.sql)
# for their p95. Results go to bench/stats/results-<database>.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
TICKETS=${TICKETS:-5000000}
MONTHS=24
START='2024-12-01 00:00:00+08'
CHUNKS=${CHUNKS:-48}
OUT_DIR=bench/stats
[ -f target/hotline.jar ] || mvn -B -q -o package -DskipTests
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT
start_server() { # the server on the bench database; prints its port
  local log=$OUT_DIR/server-$DB.log
  HOTLINE_DB_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$DB" HOTLINE_HTTP_PORT=${HTTP_PORT:-18391} \
  HOTLINE_HTTP_HOST=127.0.0.1 HOTLINE_OUTBOX_RELAY_ENABLED=false HOTLINE_ESCALATION_SCHEDULER_ENABLED=false \
  HOTLINE_DB_POOL_SIZE=4 java -Xmx512m -jar target/hotline.jar >"$log" 2>&1 &
  PID=$!
  for _ in $(seq 1 240); do grep -q "listening on" "$log" && return; sleep 0.5; done
  echo "server did not start, see $log"; exit 1
}
stop_server() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }

if [ -z "${STATS_DB:-}" ]; then
  DB=stats_bench_$(date +%s)
  createdb "$DB"
  start_server; stop_server   # Flyway migrations, exactly as the server runs them
  DEPTS=$(grep -E '^  - id:' routing-rules/departments.yaml | awk '{print $3}' | grep -v '^nmg$' | paste -sd, -)
  echo "# generating $TICKETS tickets over $MONTHS months into $DB ($CHUNKS chunks)"
  T0=$(date +%s)
  q -c "CREATE FUNCTION bench_iso(t timestamptz) RETURNS text IMMUTABLE LANGUAGE sql
          AS \$\$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') \$\$"
  for i in $(seq 0 $((CHUNKS - 1))); do
    lo=$((i * TICKETS / CHUNKS + 1)); hi=$(((i + 1) * TICKETS / CHUNKS))
    q -1 -v lo=$lo -v hi=$hi -v total=$TICKETS -v start="$START" -v months=$MONTHS -v depts="{$DEPTS}" \
      -f bench/stats/generate.sql
    printf '  chunk %d/%d done at %ds\n' $((i + 1)) "$CHUNKS" $(($(date +%s) - T0))
  done
  for t in tickets ticket_events ticket_deadlines ratings; do q -c "VACUUM (ANALYZE) $t"; done
  GENERATED="generated in $(($(date +%s) - T0)) s (chunks, then VACUUM ANALYZE)"
else
  DB=$STATS_DB
  GENERATED="generated earlier"
fi
OUT=$OUT_DIR/results-$DB.txt
say() { echo "$*" | tee -a "$OUT"; }
say "# stats benchmark $(date -u +%FT%TZ), $(nproc) cores, PostgreSQL $(psql -X -At -d "$DB" -c 'show server_version'), database $DB, $GENERATED"
q -At -c "SELECT 'tickets ' || (SELECT count(*) FROM tickets) || ', events ' || (SELECT count(*) FROM ticket_events)
            || ', deadlines ' || (SELECT count(*) FROM ticket_deadlines) || ', counted ratings '
            || (SELECT count(*) FROM ratings WHERE status = 'counted') || ', database '
            || pg_size_pretty(pg_database_size(current_database()))" | tee -a "$OUT"

start_server
BASE=http://127.0.0.1:${HTTP_PORT:-18391}/api/stats
H=(-H 'X-Hotline-Role: SUPERVISOR')
measure() { # $1 label, $2 path: one cold run, then 10 warm runs; seconds (curl time_total)
  local cold warm=()
  cold=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "${H[@]}" "$BASE$2")
  for _ in $(seq 1 10); do warm+=("$(curl -s -o /dev/null -w '%{time_total}' "${H[@]}" "$BASE$2")"); done
  printf '%s\n' "${warm[@]}" | sort -n | awk -v label="$1" -v cold="$cold" '{a[NR]=$1} END {
    printf "| %s | %s | %.3f | %.3f | %.3f |\n", label, cold, a[1], a[int((NR+1)/2)], a[NR]}' | tee -a "$OUT"
}
say "## figures through the real server: cold (status, s), then warm min / median / max of 10 (s)"
say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "department x month, one month (2026-10), every department" "/departments?month=2026-10"
measure "same, sub-tree roll-up" "/departments?month=2026-10&rollup=true"
measure "same, CSV" "/departments?month=2026-10&format=csv"
measure "12-month trend, one department (hhht.heating)" \
  "/departments?from=2025-11-01&to=2026-10-31&interval=month&department=hhht.heating"
measure "12-month trend, a county rolled up (hhht.xincheng and its streets)" \
  "/departments?from=2025-11-01&to=2026-10-31&interval=month&department=hhht.xincheng&rollup=true"
measure "12-month trend, every department" "/departments?from=2025-11-01&to=2026-10-31&interval=month"
measure "per category, one month" "/departments?month=2026-10&group=category"
measure "publication, one month" "/publication?month=2026-10"
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
curl -s "${H[@]}" "$BASE/departments?month=2026-10&department=hhht.heating" | head -c 1200 >>"$OUT"; echo >>"$OUT"
stop_server

# The ratings list: the statements GET /api/ratings is expected to run (the endpoint is not built
# yet), five filter mixes in equal shares, one client, 30 s; latencies from pgbench's log.
LISTS=(department-month bad-quarter centre-recent appealed-year county-page3)
ratings_list() { # $1 label; PGOPTIONS may be set by the caller
  local args=() i
  for i in "${LISTS[@]}"; do args+=(-f "bench/stats/ratings-list-$i.sql"); done
  pgbench -n -c 1 -T 30 "${args[@]}" -l --log-prefix="$OUT_DIR/pgbench-$DB" "$DB" >/dev/null
  say "### $1"
  for i in all 0 1 2 3 4; do
    cat "$OUT_DIR"/pgbench-"$DB".* | awk -v s="$i" 's == "all" || $4 == s {print $3/1000}' | sort -n |
      awk -v name="$( [ "$i" = all ] && echo all || echo "${LISTS[$i]}")" '{a[NR]=$1} END {
        printf "| %s | %d | %.1f | %.1f | %.1f |\n", name, NR, a[int(NR*0.5)+1], a[int(NR*0.95)+1], a[NR]}' | tee -a "$OUT"
  done
  rm -f "$OUT_DIR"/pgbench-"$DB".*
}
say "## sizes: reporting indexes (V20__stats.sql), then the tables they serve"
psql -X -d "$DB" -c "SELECT c.relname AS index, pg_size_pretty(pg_relation_size(c.oid)) AS size
    FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid
   WHERE c.relname ~ '^(ratings_(counted_|excluded_)?created|ticket_deadlines_stats.*|tickets_stats_.*|ticket_events_(dispatch|return|reopen)_.*)$'
   ORDER BY 1" -c "SELECT relname AS table, pg_size_pretty(pg_relation_size(oid)) AS heap,
    pg_size_pretty(pg_total_relation_size(oid)) AS total FROM pg_class
   WHERE relname IN ('tickets', 'ticket_events', 'ticket_deadlines', 'ratings') ORDER BY 1" | tee -a "$OUT"
say "## ratings list: runs, p50, p95, max (ms)"
ratings_list "planner defaults (parallel plans allowed)"
PGOPTIONS='-c max_parallel_workers_per_gather=0' ratings_list "serial plans (SET LOCAL max_parallel_workers_per_gather = 0)"
say "results: $OUT (database $DB kept; dropdb $DB)"
