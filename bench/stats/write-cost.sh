#!/usr/bin/env bash
# What V20__stats.sql costs on the write path: WAL records and bytes of one dispatched ticket's SQL
# writes (bench/stats/write-cost-life.sql: ticket + CREATE, DISPATCH + deadlines, then sign,
# contact, reply) with the reporting indexes and generated columns, and without them. WAL per
# statement comes from EXPLAIN (ANALYZE, WAL), so the figure does not depend on machine load.
# One command from the repository root; creates and drops two databases.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
[ -f target/hotline.jar ] || mvn -B -q -o package -DskipTests
STAMP=$(date +%s)
for variant in with without; do
  DB=stats_wal_${variant}_$STAMP
  createdb "$DB"
  HOTLINE_DB_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$DB" HOTLINE_HTTP_PORT=0 HOTLINE_HTTP_HOST=127.0.0.1 \
    HOTLINE_OUTBOX_RELAY_ENABLED=false HOTLINE_ESCALATION_SCHEDULER_ENABLED=false \
    timeout 25 java -jar target/hotline.jar >/dev/null 2>&1 || true   # migrates, then is stopped
  psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -c "CREATE SEQUENCE bench_number"
  if [ "$variant" = without ]; then
    psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -c "DROP INDEX ratings_counted_created, ratings_created,
        ratings_excluded_created, ticket_deadlines_stats, ticket_deadlines_stats_department, tickets_stats_department,
        ticket_events_dispatch_at, ticket_events_dispatch_department, ticket_events_dispatch_ticket,
        ticket_events_return_at, ticket_events_reopen_at" \
      -c "ALTER TABLE ticket_deadlines DROP COLUMN dispatched_at, DROP COLUMN sign_met_at, DROP COLUMN respond_met_at,
        DROP COLUMN resolve_met_at"
  fi
  # 2,000 lives first, so the indexes are not empty; then one life statement by statement.
  pgbench -n -c 1 -t 2000 -f bench/stats/write-cost-life.sql "$DB" >/dev/null
  sed -e 's/^\(INSERT\|UPDATE\)/EXPLAIN (ANALYZE, WAL, COSTS OFF, TIMING OFF, SUMMARY OFF) \1/' \
      -e 's/RETURNING id AS t \\gset/RETURNING id;/' -e 's/:t/(SELECT max(id) FROM tickets)/g' \
      bench/stats/write-cost-life.sql |
    psql -X -v ON_ERROR_STOP=1 -d "$DB" | grep 'WAL:' |
    sed -E 's/.*records=([0-9]+).*bytes=([0-9]+).*/\1 \2/' |
    awk -v v="$variant" '{r += $1; b += $2} END {printf "%s the stats indexes: %d WAL records, %d bytes per ticket life\n", v, r, b}'
  dropdb "$DB"
done
