#!/usr/bin/env bash
# Escalation scheduler benchmark (issue 6). One command, from the repository root:
#   bench/escalation/run.sh            (PGHOST/PGPORT/PGUSER default 127.0.0.1:5432 postgres)
# Builds the jar if missing, creates a fresh database, plans 1,000,000 open tickets' next steps,
# makes 10,000 fall due within one minute, runs 1 then 3 server instances, prints lateness
# (fired_at - due_at) p50/p99/max, duplicates, notices queued per fired step, and the idle claim
# query's plan at 10k and 1M rows (and the next-due query that times the scheduler's wake-up). The tickets belong to the real departments of the rule files
# (HOTLINE_ROUTING_DIR, default routing-rules/) that have a mailbox, so every fired step must queue
# mail: the run fails when a fired step queued none (a department missing from the directory).
# POLL (escalation.poll_interval, default: the server's) and RUNS ("one three") are optional;
# EXTRA_POLLS (e.g. "0.25s") repeats the one-instance run with instance 1 restarted at each interval.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=esc_bench_$(date +%s)
OUT=bench/escalation/results-$DB.txt
JAR=${JAR:-target/hotline.jar}
[ -f "$JAR" ] || mvn -B -q -o package -DskipTests
ROUTING=${HOTLINE_ROUTING_DIR:-routing-rules}
# The departments with a mailbox, as a SQL array literal: the tickets are spread over them.
DEPTS=$(python3 -c "
import sys, yaml
ds = yaml.safe_load(open(sys.argv[1] + '/departments.yaml'))['departments']
print(','.join(\"'\" + d['id'] + \"'\" for d in ds if d.get('mail')))" "$ROUTING")
[ -n "$DEPTS" ] || { echo "no department with a mailbox in $ROUTING/departments.yaml"; exit 1; }
createdb "$DB"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
start_server() {
  HOTLINE_DB_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$DB" HOTLINE_HTTP_PORT=0 HOTLINE_HTTP_HOST=127.0.0.1 \
  HOTLINE_OUTBOX_RELAY_ENABLED=false HOTLINE_ESCALATION_ROBOT_CHANNEL="" HOTLINE_DB_POOL_SIZE=4 \
  HOTLINE_ROUTING_DIR="$ROUTING" ${POLL:+HOTLINE_ESCALATION_POLL_INTERVAL=$POLL} \
  java -Xmx512m -jar "$JAR" >"bench/escalation/server-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 600); do grep -q "listening on" "bench/escalation/server-$1.log" && return; sleep 0.5; done
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
      SELECT 'B' || g, 'PHONE', '13800000000', 'COMPLAINT', 'NORMAL', 'bench', (ARRAY[$DEPTS])[1 + g % cardinality(ARRAY[$DEPTS])],
        'DISPATCHED',
        now(), now() FROM generate_series($1, $2) g;
      INSERT INTO escalation_steps (ticket_id, key, deadline_kind, step_kind, level, due_at, deadline_due_at,
        department_id, audience, channels, circulate, revision, created_at)
      SELECT t.id, t.number || ':RESOLVE:REMIND', 'RESOLVE', 'REMIND', 0,
        now() + interval '2 days' + (random() * interval '30 days'), now() + interval '40 days', t.department_id,
        '{DEPARTMENT}', '{MAIL}', false, 0, now()
      FROM tickets t WHERE t.number LIKE 'B%' AND t.id > coalesce((SELECT max(ticket_id) FROM escalation_steps), 0);
      ANALYZE tickets; ANALYZE escalation_steps;"
}
# The claim's inner query (EscalationStepRepository): the due index, the ticket row key-share locked.
IDLE="EXPLAIN (ANALYZE, BUFFERS) SELECT e.id, e.ticket_id, e.later FROM escalation_steps e JOIN tickets k
      ON k.id = e.ticket_id WHERE e.status = 'planned' AND e.due_at <= now()
      ORDER BY e.due_at LIMIT 100 FOR UPDATE OF e SKIP LOCKED FOR KEY SHARE OF k SKIP LOCKED"
# What the scheduler reads after each round to set its timer: the earliest planned step.
NEXT="EXPLAIN (ANALYZE, BUFFERS) SELECT due_at FROM escalation_steps WHERE status = 'planned' ORDER BY due_at LIMIT 1"
gen 1 10000
say "## idle claim query, 10,000 planned steps"; q -c "$IDLE" | tee -a "$OUT"
gen 10001 1000000
say "## idle claim query, $(psql -X -At -d "$DB" -c "select count(*) from escalation_steps where status='planned'") planned steps"
q -c "$IDLE" | tee -a "$OUT"
say "## next-due query (the timer's), same"; q -c "$NEXT" | tee -a "$OUT"

due_window() { # $1 tag: 10,000 of the open tickets get a step due within one minute from +20 s
# Each as a lazy ladder's row (V102): it carries its next step (a 通报 in 30 days, key ...:$1-next),
# which the round that fires it plans in the same transaction, as for every dispatched ticket.
q -c "INSERT INTO escalation_steps (ticket_id, key, deadline_kind, step_kind, level, due_at, deadline_due_at,
        department_id, audience, channels, circulate, revision, created_at, later)
      SELECT t.id, t.number || ':SIGN:SUPERVISE:$1', 'SIGN', 'SUPERVISE', 1,
        now() + interval '20 seconds' + (random() * interval '60 seconds'), now() + interval '20 seconds',
        t.department_id, '{DEPARTMENT,ESCALATION_CONTACTS}', '{MAIL}', false, 0, now(),
        jsonb_build_array(jsonb_build_array(t.number || ':SIGN:ESCALATE:$1-next', 'SIGN', 'ESCALATE', 2,
          to_char((now() + interval '30 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
          to_char((now() + interval '20 seconds') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
          'PARENT_DEPARTMENT,SUPERVISORS', 'MAIL', true, t.department_id))
      FROM tickets t WHERE t.number LIKE 'B%' AND t.id % 100 = 0"
}
report() { # $1 tag
  for _ in $(seq 1 120); do
    left=$(psql -X -At -d "$DB" -c "select count(*) from escalation_steps where key like '%:$1' and status='planned'")
    [ "$left" = 0 ] && break; sleep 1
  done
  q -c "SELECT '$1' AS run, count(*) AS fired,
          round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - due_at))::numeric, 3) AS p50_s,
          round(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - due_at))::numeric, 3) AS p90_s,
          round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - due_at))::numeric, 3) AS p99_s,
          round(max(extract(epoch FROM fired_at - due_at))::numeric, 3) AS max_s,
          count(DISTINCT fired_by) AS instances
        FROM escalation_steps WHERE key LIKE '%:$1' AND status = 'fired'" | tee -a "$OUT"
  # The same without the steps due in the window's first 15 s, which a freshly started (cold) JVM fires.
  q -c "SELECT '$1 after 15 s' AS run, count(*) AS fired,
          round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - due_at))::numeric, 3) AS p50_s,
          round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - due_at))::numeric, 3) AS p99_s,
          round(max(extract(epoch FROM fired_at - due_at))::numeric, 3) AS max_s
        FROM escalation_steps WHERE key LIKE '%:$1' AND status = 'fired'
          AND due_at >= (SELECT min(due_at) FROM escalation_steps WHERE key LIKE '%:$1') + interval '15 seconds'" | tee -a "$OUT"
  q -c "SELECT '$1' AS run, count(*) - count(DISTINCT details->>'step_key') AS duplicate_events
        FROM ticket_events WHERE details->>'step_key' LIKE '%:$1'" | tee -a "$OUT"
  # Notices per fired step: its outbox rows (dedupe key step:<step key>:<channel>:<recipient>).
  # Materialized, so the planner's estimate of 1 row per LIKE cannot make it a nested loop of
  # 10,000 x 20,000 regular expressions (15+ minutes; the hash join takes under a second).
  q -c "CREATE TABLE notices_$1 AS
        WITH o AS MATERIALIZED (SELECT id, substring(dedupe_key from '^step:(.*:$1):') AS step_key FROM outbox
                                WHERE dedupe_key LIKE 'step:%:$1:%'),
             s AS MATERIALIZED (SELECT key FROM escalation_steps WHERE key LIKE '%:$1' AND status = 'fired')
        SELECT s.key, count(o.id) AS n FROM s LEFT JOIN o ON o.step_key = s.key GROUP BY s.key"
  q -c "SELECT '$1' AS run, count(*) AS steps, sum(n) AS outbox_rows, min(n) AS min_per_step,
          round(avg(n), 2) AS avg_per_step, max(n) AS max_per_step, count(*) FILTER (WHERE n = 0) AS steps_without_notice
        FROM notices_$1" | tee -a "$OUT"
  q -c "SELECT '$1' AS run, count(*) AS next_steps_planned FROM escalation_steps
        WHERE key LIKE '%:$1-next' AND status = 'planned'" | tee -a "$OUT"
  silent=$(psql -X -At -d "$DB" -c "SELECT count(*) FROM notices_$1 WHERE n = 0")
  if [ "$silent" != 0 ]; then say "FAILED: $silent fired steps of run $1 queued no notice"; exit 1; fi
}
RUNS=${RUNS:-"one three"}
if [[ " $RUNS " == *" one "* ]]; then
  say "## 1 instance, 10,000 steps due within one minute (poll ${POLL:-default})"
  due_window one; report one
  n=1
  for p in ${EXTRA_POLLS:-}; do
    n=$((n + 1))
    kill "${PIDS[0]}"; wait "${PIDS[0]}" 2>/dev/null || true
    PIDS=("${PIDS[@]:1}")
    POLL=$p start_server 1
    say "## 1 instance, 10,000 steps due within one minute (poll $p)"
    due_window "one$n"; report "one$n"
  done
fi
if [[ " $RUNS " == *" three "* ]]; then
  start_server 2; start_server 3
  say "## 3 instances, 10,000 steps due within one minute (poll ${POLL:-default})"
  due_window three; report three
fi
say "## idle claim query after the runs"; q -c "$IDLE" | tee -a "$OUT"
say "## next-due query after the runs"; q -c "$NEXT" | tee -a "$OUT"
dropdb_hint="dropdb $DB"
say "results: $OUT (database $DB kept; $dropdb_hint)"
