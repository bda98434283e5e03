#!/usr/bin/env bash
# Console page benchmark (issue 14, "Speed"). One command, from the repository root:
#   bench/console/run.sh                       5,000,000 tickets (TICKETS=... for fewer), then measure
#   CONSOLE_DB=console_bench_123 bench/console/run.sh   measure again on a database generated earlier
#                                              (generated into that name first if it does not exist)
#   JAR=/tmp/other.jar ...                     measure another build (default target/hotline.jar)
# PostgreSQL at PGHOST:PGPORT (default 127.0.0.1:5432, user postgres); needs wrk. Builds
# target/hotline.jar if missing. The server's own Flyway migrates a fresh database;
# bench/console/generate.sql fills it in one go (indexes rebuilt after the load).
# Then the real server is started, one account per role is made with `user add` and signed in
# through POST /login, and wrk GETs each queue page and 500 different ticket pages with that
# session (1 connection, then 4), holding /work/bench.lock (or BENCH_LOCK) while measuring;
# with pg_stat_statements installed in the database (CREATE EXTENSION), also the SQL time per statement.
# Results go to bench/console/results-<database>.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
TICKETS=${TICKETS:-5000000}
DURATION=${DURATION:-15s}
PORT=${HTTP_PORT:-18414}
LOCK=${BENCH_LOCK:-/work/bench.lock}
OUT_DIR=bench/console
JAR=${JAR:-target/hotline.jar}
[ -f "$JAR" ] || mvn -B -q -o package -DskipTests
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT
server_env() {
  echo HOTLINE_DB_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$DB" HOTLINE_HTTP_PORT=$PORT HOTLINE_HTTP_HOST=127.0.0.1 \
    HOTLINE_OUTBOX_RELAY_ENABLED=false HOTLINE_ESCALATION_SCHEDULER_ENABLED=false HOTLINE_DB_POOL_SIZE=8
}
start_server() {
  local log=$OUT_DIR/server-$DB.log
  env $(server_env) java -Xmx768m -jar "$JAR" >"$log" 2>&1 &
  PID=$!
  for _ in $(seq 1 240); do grep -q "listening on" "$log" && return; sleep 0.5; done
  echo "server did not start, see $log"; exit 1
}
stop_server() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }

DB=${CONSOLE_DB:-console_bench_$(date +%s)}
if ! psql -X -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  createdb "$DB"
  start_server; stop_server   # Flyway migrations, exactly as the server runs them
  DEPTS=$(grep -E '^  - id:' routing-rules/departments.yaml | awk '{print $3}' | grep -v '^nmg$' | paste -sd, -)
  echo "# generating $TICKETS tickets into $DB"
  T0=$(date +%s)
  q -c "CREATE FUNCTION bench_iso(t timestamptz) RETURNS text IMMUTABLE LANGUAGE sql
          AS \$\$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') \$\$"
  q -v total=$TICKETS -v depts="{$DEPTS}" -f bench/console/generate.sql
  for t in tickets ticket_events ticket_deadlines; do q -c "VACUUM (ANALYZE) $t"; done
  GENERATED="generated in $(($(date +%s) - T0)) s"
else
  GENERATED="generated earlier"
fi
OUT=$OUT_DIR/results-$DB.txt
say() { echo "$*" | tee -a "$OUT"; }

# Accounts: one per role, signed in once; the desks' pages are then fetched with that session.
BUSIEST=$(psql -X -At -d "$DB" -c "SELECT department_id FROM tickets WHERE status IN ('DISPATCHED','SIGNED')
  GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
SUFFIX=$(date +%s)
session() { # $1 role, $2 department (or empty): prints the Cookie header value
  local name="bench.$(echo "$1" | tr 'A-Z' 'a-z').$SUFFIX" otp csrf cookie
  otp=$(env $(server_env) java -jar "$JAR" user add --name "$name" --role "$1" \
    ${2:+--department "$2"} 2>/dev/null | tail -1)
  cookie=$(curl -s -D - -o /tmp/console-bench-login.json -H 'Content-Type: application/json' \
    -d "{\"username\":\"$name\",\"password\":\"$otp\"}" "http://127.0.0.1:$PORT/login" \
    | grep -i '^set-cookie: hotline_session=' | sed 's/^[^:]*: //; s/;.*//')
  csrf=$(sed 's/.*"csrf_token":"\([^"]*\)".*/\1/' /tmp/console-bench-login.json)
  curl -s -o /dev/null -H 'Content-Type: application/json' -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" \
    -d "{\"current_password\":\"$otp\",\"new_password\":\"Bench-Passw0rd!$SUFFIX\"}" \
    "http://127.0.0.1:$PORT/account/password"
  echo "$cookie"
}
start_server
# 500 ticket pages: open tickets of every department, and some closed ones.
psql -X -At -d "$DB" -c "(SELECT '/tickets/' || number FROM tickets WHERE status IN ('DISPATCHED','SIGNED','REPLIED')
    ORDER BY random() LIMIT 400) UNION ALL (SELECT '/tickets/' || number FROM tickets TABLESAMPLE SYSTEM (0.1)
    WHERE status = 'CLOSED' LIMIT 100)" > /tmp/console-bench-tickets.txt

say "# console benchmark $(date -u +%FT%TZ), $(nproc) cores, PostgreSQL $(psql -X -At -d "$DB" -c 'show server_version'), database $DB, $GENERATED"
say "# $(psql -X -At -d "$DB" -c "SELECT count(*) || ' tickets, ' || count(*) FILTER (WHERE status IN ('DISPATCHED','SIGNED')) || ' open at a department; department measured: $BUSIEST with ' || count(*) FILTER (WHERE department_id = '$BUSIEST' AND status IN ('DISPATCHED','SIGNED')) || ' open' FROM tickets")"
measure() { # $1 label, $2 cookie, $3 path, $4 connections, [$5 paths file]
  local line code
  # A session that expired (or a refused one) answers 303 to /login, which wrk counts as success.
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $2" -H 'Accept: text/html' \
    "http://127.0.0.1:$PORT$([ -n "${5:-}" ] && head -1 "$5" || echo "$3")")
  [ "$code" = 200 ] || { say "$1: answered $code, not measured"; return 1; }
  line=$(COOKIE="$2" PATHS_FILE="${5:-}" wrk -t1 -c"$4" -d"$DURATION" -s bench/console/pages.lua \
    "http://127.0.0.1:$PORT$3" | grep '^requests=')
  say "$(printf '%-34s c=%s %s' "$1" "$4" "$line")"
}
run_all() {
  say "# load before: $(uptime | sed 's/.*load average/load average/')"
  # SQL time per statement over the run, when pg_stat_statements is installed in the database.
  STATS=$(psql -X -At -d "$DB" -c "SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'")
  [ -z "$STATS" ] || psql -X -At -d "$DB" -c "SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database
    WHERE datname = current_database()), 0)" >/dev/null
  for c in 1 4; do
    # Warm-up: JIT and caches, not measured.
    COOKIE="$DEPT_COOKIE" wrk -t1 -c"$c" -d5s -s bench/console/pages.lua "http://127.0.0.1:$PORT/console/department" >/dev/null
    measure "department: 待签收" "$DEPT_COOKIE" "/console/department?tab=sign" "$c"
    measure "department: 办理中" "$DEPT_COOKIE" "/console/department?tab=work" "$c"
    measure "department: 已超时" "$DEPT_COOKIE" "/console/department?tab=overdue" "$c"
    measure "department: 已答复" "$DEPT_COOKIE" "/console/department?tab=replied" "$c"
    measure "dispatch: 待派单" "$DISP_COOKIE" "/console/dispatch" "$c"
    measure "dispatch: 退单待审" "$DISP_COOKIE" "/console/dispatch?tab=returned" "$c"
    measure "supervisor: overdue" "$SUP_COOKIE" "/console/supervisor" "$c"
    measure "ticket page (500 tickets)" "$DISP_COOKIE" "/" "$c" /tmp/console-bench-tickets.txt
  done
  say "# load after: $(uptime | sed 's/.*load average/load average/')"
  [ -z "$STATS" ] || { say "## SQL per statement over the run (pg_stat_statements: calls, mean ms, max ms)"
    psql -X -At -d "$DB" -c "SELECT calls || ' | ' || round(mean_exec_time::numeric, 2) || ' | '
      || round(max_exec_time::numeric, 1) || ' | ' || left(regexp_replace(regexp_replace(query, '\s+', ' ', 'g'),
      'SELECT id, number, channel.*confidential FROM', 'SELECT <ticket> FROM'), 150) FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND calls >= 100
      ORDER BY total_exec_time DESC LIMIT 10" | tee -a "$OUT"; }
}
say "## query plans (bench/console/explain.sql)"
psql -X -d "$DB" -v dept="$BUSIEST" -f bench/console/explain.sql 2>&1 | grep -E '^##|Execution Time|Index|Seq Scan|Sort|Limit|Rows Removed' | tee -a "$OUT"
# Sessions are made once the lock is held: waiting for it may outlast a session's idle limit.
exec 9>"$LOCK"
flock 9
DEPT_COOKIE=$(session DEPARTMENT "$BUSIEST")
DISP_COOKIE=$(session DISPATCHER "")
SUP_COOKIE=$(session SUPERVISOR "")
run_all
flock -u 9
