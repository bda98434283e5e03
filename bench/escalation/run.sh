#!/usr/bin/env bash
# Escalation scheduler benchmark (issue 6). One command, from the repository root:
#   bench/escalation/run.sh            (PGHOST/PGPORT/PGUSER default 127.0.0.1:5432 postgres)
# Builds the jar if missing, creates a fresh database, plans 1,000,000 open tickets' next steps,
# makes 10,000 fall due within one minute, runs 1 then 3 server instances, prints lateness
# (fired_at - due_at) p50/p99/max, duplicates, and the idle claim query's plan at 10k and 1M rows.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=esc_bench_$(date +%s)
OUT=bench/escalation/results-$DB.txt
[ -f target/hotline.jar ] || mvn -B -q -o package -DskipTests
createdb "$DB"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
start_server() {
  HOTLINE_DB_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$DB" HOTLINE_HTTP_PORT=0 HOTLINE_HTTP_HOST=127.0.0.1 \
  HOTLINE_OUTBOX_RELAY_ENABLED=false HOTLINE_ESCALATION_ROBOT_CHANNEL="" HOTLINE_DB_POOL_SIZE=4 \
  java -Xmx512m -jar target/hotline.jar >"bench/escalation/server-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do grep -q "listening on" "bench/escalation/server-$1.log" && return; sleep 0.5; done
  echo "server $1 did not start"; exit 1
}
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
say() { echo "$*" | tee -a "$OUT"; }

# Instance 1 runs the migrations; its scheduler sees nothing due until phase 1.
start_server 1
say "# escalation benchmark $(date -u +%FT%TZ), $(nproc) cores, $(psql -X -At -d "$DB" -c 'show server_version')"

# Far-future planned steps (one next step per open ticket), in two stages for the idle plan.
gen() { # $1 first, $2 last
q -c "INSERT INTO tickets (number, channel, citizen_phone, request_type, urgency, description, department_id, status,
        created_at, updated_at)
      SELECT 'B' || g, 'PHONE', '13800000000', 'COMPLAINT', 'NORMAL', 'bench', 'dept-' || (g % 200), 'DISPATCHED',
        now(), now() FROM generate_series($1, $2) g;
      INSERT INTO escalation_steps (ticket_id, key, deadline_kind, step_kind, level, due_at, deadline_due_at,
        department_id, audience, channels, circulate, revision, created_at)
      SELECT t.id, t.number || ':RESOLVE:REMIND', 'RESOLVE', 'REMIND', 0,
        now() + interval '2 days' + (random() * interval '30 days'), now() + interval '40 days', t.department_id,
        '{DEPARTMENT}', '{MAIL}', false, 0, now()
      FROM tickets t WHERE t.number LIKE 'B%' AND t.id > coalesce((SELECT max(ticket_id) FROM escalation_steps), 0);
      ANALYZE tickets; ANALYZE escalation_steps;"
}
IDLE="EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM escalation_steps WHERE status = 'planned' AND due_at <= now()
      ORDER BY due_at LIMIT 100 FOR UPDATE SKIP LOCKED"
gen 1 10000
say "## idle claim query, 10,000 planned steps"; q -c "$IDLE" | tee -a "$OUT"
gen 10001 1000000
say "## idle claim query, $(psql -X -At -d "$DB" -c "select count(*) from escalation_steps where status='planned'") planned steps"
q -c "$IDLE" | tee -a "$OUT"

due_window() { # $1 tag: 10,000 of the open tickets get a step due within one minute from +20 s
q -c "INSERT INTO escalation_steps (ticket_id, key, deadline_kind, step_kind, level, due_at, deadline_due_at,
        department_id, audience, channels, circulate, revision, created_at)
      SELECT t.id, t.number || ':SIGN:SUPERVISE:$1', 'SIGN', 'SUPERVISE', 1,
        now() + interval '20 seconds' + (random() * interval '60 seconds'), now() + interval '20 seconds',
        t.department_id, '{DEPARTMENT,ESCALATION_CONTACTS}', '{MAIL}', false, 0, now()
      FROM tickets t WHERE t.number LIKE 'B%' AND t.id % 100 = 0"
}
report() { # $1 tag
  for _ in $(seq 1 120); do
    left=$(psql -X -At -d "$DB" -c "select count(*) from escalation_steps where key like '%:$1' and status='planned'")
    [ "$left" = 0 ] && break; sleep 1
  done
  q -c "SELECT '$1' AS run, count(*) AS fired,
          round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - due_at))::numeric, 3) AS p50_s,
          round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - due_at))::numeric, 3) AS p99_s,
          round(max(extract(epoch FROM fired_at - due_at))::numeric, 3) AS max_s,
          count(DISTINCT fired_by) AS instances
        FROM escalation_steps WHERE key LIKE '%:$1' AND status = 'fired'" | tee -a "$OUT"
  q -c "SELECT '$1' AS run, count(*) - count(DISTINCT details->>'step_key') AS duplicate_events,
          (SELECT count(*) FROM outbox WHERE dedupe_key LIKE 'step:%:$1:%') AS outbox_rows
        FROM ticket_events WHERE details->>'step_key' LIKE '%:$1'" | tee -a "$OUT"
}
say "## 1 instance, 10,000 steps due within one minute"
due_window one; report one
start_server 2; start_server 3
say "## 3 instances, 10,000 steps due within one minute"
due_window three; report three
say "## idle claim query after the runs"; q -c "$IDLE" | tee -a "$OUT"
dropdb_hint="dropdb $DB"
say "results: $OUT (database $DB kept; $dropdb_hint)"
