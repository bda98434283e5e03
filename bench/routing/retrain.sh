#!/usr/bin/env bash
# Retraining benchmark (issue 13, "Speed"). One command, from the repository root:
#   bench/routing/retrain.sh                  1,000,000 historical tickets over 24 months
#   HISTORY_DB=retrain_bench_123 bench/routing/retrain.sh   measure again on a database made earlier
# PostgreSQL at PGHOST:PGPORT (default 127.0.0.1:5432, user postgres). A fresh database is migrated
# by the server's own Flyway (the jar's `token create` opens it and prints an ADMIN token), filled
# chunk by chunk (bench/routing/history.sql: texts of routing-rules/examples/free-text.tsv with
# variation, codes, dispatchers' choices, re-dispatches), vacuumed and analysed. Then the real
# server (same settings as bench/intake/run.sh) takes POST /api/complaints from wrk (CONNECTIONS
# connections, DURATION s, bench/intake/complaints.lua): once idle, once while
# POST /api/routing/model/train retrains on the history, once idle again. Prints the training's
# took_ms, the server's peak resident memory (VmHWM) and heap after training, tickets/s and p99.
# Env: TICKETS (1000000), CHUNKS (20), DURATION (30), CONNECTIONS (32), WARMUP (15), PORT (18095),
# MAX_EXAMPLES (routing.model_max_examples; default the configuration's), JAVA_OPTS, JAR.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
TICKETS=${TICKETS:-1000000}
CHUNKS=${CHUNKS:-20}
MONTHS=24
START='2024-12-01 00:00:00+08'
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-15}
PORT=${PORT:-18095}
JAR=${JAR:-target/hotline.jar}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f "$JAR" ] || mvn -B -q -o package -DskipTests
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
WORK=$(mktemp -d /tmp/retrain-bench-XXXX)
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; wait 2>/dev/null; [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
export HOTLINE_DB_URL
ENV=(HOTLINE_HTTP_PORT=$PORT HOTLINE_HTTP_HOST=127.0.0.1 HOTLINE_DB_POOL_SIZE=${POOL:-16}
  HOTLINE_OUTBOX_RELAY_ENABLED=false HOTLINE_INTAKE_WEB_SUBMISSIONS_PER_IP_PER_HOUR=0
  HOTLINE_INTAKE_WEB_SUBMISSIONS_PER_PHONE_PER_DAY=0 HOTLINE_ROUTING_MODEL_RETRAIN=0s)
[ -n "${MAX_EXAMPLES:-}" ] && ENV+=(HOTLINE_ROUTING_MODEL_MAX_EXAMPLES=$MAX_EXAMPLES)

if [ -z "${HISTORY_DB:-}" ]; then
  DB=retrain_bench_$(date +%s)
  createdb "$DB"
else
  DB=$HISTORY_DB
fi
HOTLINE_DB_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$DB"
# migrates a fresh database, as the server does, and gives the ADMIN token the training call needs
TOKEN=$(env "${ENV[@]}" java -jar "$JAR" token create --name "bench-$(date +%s)" --role ADMIN 2>/dev/null)
if [ -z "${HISTORY_DB:-}" ]; then
  echo "# generating $TICKETS tickets over $MONTHS months into $DB ($CHUNKS chunks)"
  T0=$(date +%s)
  q -c "CREATE TABLE examples (n serial PRIMARY KEY, split text, category text, department text, text text)"
  grep -v '^#' routing-rules/examples/free-text.tsv | grep -v '^[[:space:]]*$' \
    | q -c "\\copy examples (split, category, department, text) FROM STDIN"
  for i in $(seq 0 $((CHUNKS - 1))); do
    lo=$((i * TICKETS / CHUNKS + 1)); hi=$(((i + 1) * TICKETS / CHUNKS))
    q -1 -v lo=$lo -v hi=$hi -v total="$TICKETS" -v start="$START" -v months=$MONTHS -f bench/routing/history.sql
  done
  q -c "VACUUM (ANALYZE) tickets" -c "VACUUM (ANALYZE) routing_choices"
  echo "generated in $(($(date +%s) - T0)) s"
fi
q -At -c "SELECT 'tickets ' || count(*) || ', with a code ' || count(category_code) || ', choices '
            || (SELECT count(*) FROM routing_choices) || ', database '
            || pg_size_pretty(pg_database_size(current_database())) FROM tickets"

env "${ENV[@]}" java ${JAVA_OPTS:-} -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.5; done
URL="http://127.0.0.1:$PORT"
wrk -t2 -c16 -d"${WARMUP}s" -s bench/intake/complaints.lua "$URL" >/dev/null
run() { # $1 label: complaints for DURATION s; prints tickets/s and p99
  local out line
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/intake/complaints.lua "$URL")
  line=$(grep '^RESULT' <<<"$out")
  eval "$(sed 's/^RESULT //' <<<"$line")"
  printf '%-28s %10.0f %9s %9s %8s  load %s\n' "$1" "$(awk -v n=$((requests - non2xx)) -v d="$duration_s" \
    'BEGIN {print n / d}')" "$p50_ms" "$p99_ms" "$non2xx" "$(cut -d' ' -f1-3 /proc/loadavg)"
}
hwm() { awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$SERVER/status"; }
printf '%-28s %10s %9s %9s %8s\n' "complaints c=$CONNECTIONS" tickets/s p50_ms p99_ms non2xx
run "idle (before)"
echo "server peak RSS before training: $(hwm)"
curl -s -X POST -H "Authorization: Bearer $TOKEN" "$URL/api/routing/model/train" >"$WORK/train.json" &
TRAIN=$!
T0=$(date +%s.%N)
run "while retraining"
wait $TRAIN
T1=$(date +%s.%N)
echo "training answer after $(awk -v a="$T0" -v b="$T1" 'BEGIN {printf "%.1f", b - a}') s: $(cat "$WORK/train.json")"
echo "server peak RSS after training: $(hwm)"
command -v jcmd >/dev/null && jcmd "$SERVER" GC.heap_info 2>/dev/null | sed -n '2,3p' || true
run "idle (after)"
grep -E "text model .* trained|training failed" "$WORK/server.log" || true
echo "database $DB kept (drop it when done; HISTORY_DB=$DB measures again without generating)"
