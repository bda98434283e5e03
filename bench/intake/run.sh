#!/usr/bin/env bash
# Intake benchmark (issue 5, item 8). One command from the repository root:
#   bench/intake/run.sh
# Starts the server jar on a fresh database of the PostgreSQL at 127.0.0.1:5432, drives
# POST /api/complaints and POST /webhooks/sms/generic with wrk at 8/32/64 connections x 20 s,
# runs pgbench (one ticket + one event per commit) at the same client counts on another fresh
# database, prints tickets/s, p50/p99, errors and server/pgbench, and checks tickets == 2xx.
# Env: PGHOST/PGPORT/PGUSER/PGPASSWORD (default 127.0.0.1/5432/postgres), DURATION (20),
# CONNECTIONS ("8 32 64"), PORT (18080), THREADS (wrk threads, 2), WARMUP (s per endpoint, 15),
# JAR (target/hotline.jar: another build to compare), HOTLINE_HTTP_EVENT_LOOPS (HTTP verticles),
# HOTLINE_INTAKE_BATCH_ENABLED / _MAX_ITEMS / _MAX_WAIT (group commit, issue 15), ENDPOINTS
# ("complaints sms"; also "voice": a voicemail hang-up per request, and "operator": POST
# /api/tickets with an OPERATOR token, each warmed up as long as the other two), SMS_PER_RUN
# (pre-signed deliveries per SMS run; 300000, warm-up 100000), COMPLAINT_KEYS (1: every complaint carries an Idempotency-Key of its own; default 0).
# SMS_TEXT (the SMS's matter; default a short one, whose phone's follow-up question is read; one
# longer than 40 characters is a request whatever was asked, and its batch may wait once).
# Besides tickets/s it prints the CPU each ticket cost the server JVM and the PostgreSQL cluster
# (its postmaster and every child: backends, WAL writer, checkpointer), read from /proc before
# and after each run (jit_ms/t: the part of srv_ms/t spent by the JIT compiler threads, i.e. warm-up
# still going on). Also per run: wrk's own CPU per ticket (wrk_ms/t), each CPU's busy share
# (cpu_busy%, "cpu0/cpu1/...", from /proc/stat: which core is the limit) and tickets per COMMIT
# (t/commit, from the server's /metrics), and the share of batches sent from BEGIN to COMMIT in
# one go, waiting for PostgreSQL once (1go%, same source; 0 for builds without the meter).
# PGDATA_PID (postmaster.pid) is found with psql if unset.
# And the WAL each ticket wrote (wal_B/t: the cluster's WAL position before and after the run, so
# with full-page images and whatever else ran; fpi/t: full-page images per ticket, from
# pg_stat_wal, which backends update about once a second: read after a second's pause). WAL is the
# one cost here that the machine's noise does not move much: bytes per ticket are the statements'
# work, not their speed (bench/intake/wal_by_relation.sh splits them by table and index). xact/t:
# the bench database's transactions per ticket (pg_stat_database: a statement outside a
# transaction is one), as steady: each is a round trip at least.
# PG_CPUS / BENCH_CPUS (e.g. 1 / 0): put the database at the limit on a small machine. Every process
# of the local PostgreSQL goes on PG_CPUS, this script and all it starts (server, wrk, pgbench's
# client) on BENCH_CPUS; PostgreSQL's affinity is put back at exit. Local cluster only, as root.
# pgbench's "PostgreSQL ms CPU per transaction" is not reliable pinned (its exited backends are
# counted when the postmaster reaps them; it has read 0.006 and even negative): ignore it then.
set -euo pipefail
if [ -n "${PG_CPUS:-}" ] && [ -z "${BENCH_PINNED:-}" ]; then
  ALL_CPUS=$(taskset -cp $$ | sed 's/.*: //')
  for p in $(pgrep -x postgres); do taskset -a -cp "$PG_CPUS" "$p" >/dev/null; done
  trap 'for p in $(pgrep -x postgres); do taskset -a -cp "$ALL_CPUS" "$p" >/dev/null; done' EXIT
  BENCH_PINNED=1 taskset -c "${BENCH_CPUS:?BENCH_CPUS is needed with PG_CPUS}" "$(readlink -f "$0")" "$@"
  exit 0
fi
cd "$(dirname "$0")/../.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-"8 32 64"}
PORT=${PORT:-18080}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-15}
SECRET="whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
STAMP=$(date +%s)
DB="hotline_bench_$STAMP"
PGB_DB="hotline_pgbench_$STAMP"
WORK=$(mktemp -d /tmp/hotline-bench-XXXX)

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v pgbench >/dev/null || { echo "pgbench is required (postgresql-client)"; exit 1; }
JAR=${JAR:-target/hotline.jar}
[ -f "$JAR" ] || mvn -B -q -DskipTests package

psql -q -d postgres -c "CREATE DATABASE $DB" -c "CREATE DATABASE $PGB_DB"
psql -q -d "$PGB_DB" -f src/main/resources/db/migration/V1__tickets.sql -c "CREATE SEQUENCE bench_number"

AUTH="$PGUSER${PGPASSWORD:+:$PGPASSWORD}"
# The per-IP/phone limits are switched off (0): the load comes from one address. The relay is
# off so the server does what pgbench does (plus its own work), not also the SMS sending.
HOTLINE_DB_URL="postgresql://$AUTH@$PGHOST:$PGPORT/$DB" HOTLINE_HTTP_PORT=$PORT HOTLINE_HTTP_HOST=127.0.0.1 \
HOTLINE_DB_POOL_SIZE=${POOL:-16} HOTLINE_OUTBOX_RELAY_ENABLED=false \
HOTLINE_INTAKE_WEB_SUBMISSIONS_PER_IP_PER_HOUR=0 HOTLINE_INTAKE_WEB_SUBMISSIONS_PER_PHONE_PER_DAY=0 \
HOTLINE_INTAKE_WEB_LOOKUPS_PER_IP_PER_HOUR=0 \
HOTLINE_INTAKE_SMS_GENERIC_SECRET=$SECRET HOTLINE_INTAKE_VOICE_GENERIC_SECRET=$SECRET \
  java ${JAVA_OPTS:-} -jar "$JAR" >"$WORK/server.log" 2>&1 &
SERVER=$!
# The pre-signed deliveries take ~250 MB: remove them at exit (KEEP_WORK=1 keeps them and the log).
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
# A loaded machine can take minutes to start the JVM and migrate: wait (START_TIMEOUT s) and stop
# if the server never answers, rather than measure a server that is not there.
for _ in $(seq 1 "${START_TIMEOUT:-300}"); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 || { echo "server did not start: $WORK/server.log"; KEEP_WORK=1; exit 1; }
# Tickets per COMMIT from the server's own meters (a METRICS token made with its CLI); a build
# without them prints "-".
MTOKEN=$(HOTLINE_DB_URL="postgresql://$AUTH@$PGHOST:$PGPORT/$DB" java -jar "$JAR" token create \
  --name bench-metrics --role METRICS 2>/dev/null | tail -1 || true)
batch_totals() {
  curl -sf -H "Authorization: Bearer $MTOKEN" "http://127.0.0.1:$PORT/metrics" 2>/dev/null \
    | awk '/^hotline_intake_batch_(items_count|items_sum|one_wait_total) / {v[$1] = $2}
           END {printf "%d %d %d", v["hotline_intake_batch_items_count"], v["hotline_intake_batch_items_sum"],
                v["hotline_intake_batch_one_wait_total"]}' || true
}

# Warm-up (JIT, pool) of both paths, not counted: its tickets are subtracted below. With 5 s of
# complaints only, the C2 compiler still used about a third of a core during the measured runs.
wrk -t2 -c16 -d"${WARMUP}s" -s bench/intake/complaints.lua "http://127.0.0.1:$PORT" >"$WORK/warm.txt"
python3 bench/intake/signed_sms.py "$SECRET" "w$STAMP" "${SMS_PER_RUN:-100000}" "$WORK/sms-warm.tsv"
wrk -t2 -c16 -d"${WARMUP}s" -s bench/intake/sms.lua "http://127.0.0.1:$PORT" -- "$WORK/sms-warm.tsv" 2 >>"$WORK/warm.txt"
export VOICE_SECRET=$SECRET
case " ${ENDPOINTS:-} " in *" operator "*)
  OPERATOR_TOKEN=$(HOTLINE_DB_URL="postgresql://$AUTH@$PGHOST:$PGPORT/$DB" java -jar "$JAR" token create \
    --name bench-operator --role OPERATOR 2>/dev/null | tail -1)
  export OPERATOR_TOKEN
  wrk -t2 -c16 -d"${WARMUP}s" -s bench/intake/operator.lua "http://127.0.0.1:$PORT" >>"$WORK/warm.txt";;
esac
case " ${ENDPOINTS:-} " in *" voice "*)
  wrk -t2 -c16 -d"${WARMUP}s" -s bench/intake/voice.lua "http://127.0.0.1:$PORT" >>"$WORK/warm.txt";;
esac
WARM=$(psql -tA -d "$DB" -c "SELECT count(*) FROM tickets")

# CPU ticks (utime+stime) of a process; of the PostgreSQL cluster: the postmaster and its children.
TCK=$(getconf CLK_TCK)
PGDATA_PID=${PGDATA_PID:-$(psql -tA -d postgres -c "SHOW data_directory")/postmaster.pid}
PGMASTER=$(head -1 "$PGDATA_PID" 2>/dev/null || echo 0)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# The JVM's JIT compiler threads (C1/C2): their share of srv_ms/t is warm-up that a longer-running
# server no longer pays (a profile of a 40 s warm server still showed 40 % of its CPU there on a
# loaded machine). A compiler thread that exits within a run takes its ticks out of this sum.
jit_ticks() {
  local sum=0 t
  for t in /proc/"$1"/task/*; do
    grep -q 'CompilerThre' "$t/comm" 2>/dev/null && sum=$((sum + $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)))
  done
  echo $sum
}
# wrk's CPU: it runs as a child of this shell, so once reaped it is in the shell's cutime+cstime.
child_ticks() { awk '{print $16 + $17}' "/proc/$$/stat"; }
# Per-CPU jiffies from /proc/stat, "busy idle" per CPU, to print how busy each core was in a run.
cpu_jiffies() { awk '/^cpu[0-9]/ {b = 0; for (i = 2; i <= NF; i++) b += $i; printf "%d %d ", b - $5 - $6, $5 + $6}' /proc/stat; }
cpu_busy() {
  awk -v a="$1" -v b="$2" 'BEGIN {n = split(a, x, " "); split(b, y, " "); s = "";
    for (i = 1; i < n; i += 2) { bz = y[i] - x[i]; id = y[i+1] - x[i+1];
      s = s (s == "" ? "" : "/") sprintf("%.0f", (bz + id > 0 ? 100 * bz / (bz + id) : 0)) }
    print s}'
}
# Backends that exit (pgbench's) are counted through the postmaster's cutime+cstime once reaped.
pg_ticks() {
  local sum p
  sum=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$PGMASTER/stat" 2>/dev/null || echo 0)
  for p in $(awk -v m="$PGMASTER" '$4 == m {print $1}' /proc/[0-9]*/stat 2>/dev/null); do
    sum=$((sum + $(ticks "$p")))
  done
  echo $sum
}

# The cluster's WAL position and full-page images so far, and the bench database's transactions.
wal_now() {
  sleep 1
  psql -tA -F' ' -d "$DB" -c "SELECT pg_current_wal_lsn(), wal_fpi,
    (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()) FROM pg_stat_wal"
}
# WAL bytes, full-page images and transactions per unit between two wal_now readings, for n units
# (the transactions are the bench database's: pgbench's own are in another).
wal_per() {
  local a=($1) b=($2)
  psql -tA -F' ' -d "$DB" -c "SELECT round(pg_wal_lsn_diff('${b[0]}', '${a[0]}') / greatest($3, 1)),
    round((${b[1]} - ${a[1]})::numeric / greatest($3, 1), 3), round((${b[2]} - ${a[2]})::numeric / greatest($3, 1), 2)"
}

declare -A PGB PGB_CPU PGB_WAL
for c in $CONNECTIONS; do
  g0=$(wal_now)
  p0=$(pg_ticks); c0=$(cpu_jiffies)
  PGB[$c]=$(pgbench -n -c "$c" -j 2 -T "$DURATION" -f bench/intake/pgbench-ticket.sql "$PGB_DB" 2>/dev/null \
    | awk '/^tps/ {print $3; exit}')
  p1=$(pg_ticks); PGB_BUSY=$(cpu_busy "$c0" "$(cpu_jiffies)")
  PGB_WAL[$c]=$(wal_per "$g0" "$(wal_now)" "$(awk -v n="${PGB[$c]}" -v d="$DURATION" 'BEGIN {printf "%d", n * d}')" \
    | cut -d' ' -f1,2)
  PGB_CPU[$c]=$(awk -v t=$((p1 - p0)) -v k="$TCK" -v n="${PGB[$c]}" -v d="$DURATION" \
    'BEGIN {printf "%.3f", (n > 0 ? t * 1000 / k / (n * d) : 0)}')
  echo "pgbench $c clients: ${PGB[$c]} tps, PostgreSQL ${PGB_CPU[$c]} ms CPU per transaction, CPUs busy ${PGB_BUSY} %," \
    "WAL bytes and full-page images per transaction ${PGB_WAL[$c]}"
done

TOTAL_2XX=0
MAX_INFLIGHT=0
printf '\n%-11s %5s %10s %9s %9s %8s %8s %10s %8s %10s %10s %10s %10s %10s %9s %6s %8s %7s %7s\n' endpoint conns tickets/s p50_ms p99_ms non2xx sockerr \
  pgbench_tps ratio srv_ms/t jit_ms/t pg_ms/t wrk_ms/t cpu_busy% t/commit 1go% wal_B/t fpi/t xact/t
for ep in ${ENDPOINTS:-complaints sms}; do
  for c in $CONNECTIONS; do
    [ "$ep" = sms ] && python3 bench/intake/signed_sms.py "$SECRET" "b$STAMP-c$c" "${SMS_PER_RUN:-300000}" "$WORK/sms-$c.tsv"
    g0=$(wal_now)
    s0=$(ticks $SERVER); j0=$(jit_ticks $SERVER); p0=$(pg_ticks); w0=$(child_ticks); c0=$(cpu_jiffies); b0=$(batch_totals)
    if [ "$ep" = sms ]; then
      out=$(wrk -t"$THREADS" -c"$c" -d"${DURATION}s" -s bench/intake/sms.lua "http://127.0.0.1:$PORT" \
        -- "$WORK/sms-$c.tsv" "$THREADS")
    else
      out=$(wrk -t"$THREADS" -c"$c" -d"${DURATION}s" -s "bench/intake/$ep.lua" "http://127.0.0.1:$PORT")
    fi
    c1=$(cpu_jiffies); b1=$(batch_totals); w1=$(child_ticks); s1=$(ticks $SERVER); j1=$(jit_ticks $SERVER); p1=$(pg_ticks)
    g1=$(wal_now)
    line=$(grep '^RESULT' <<<"$out")
    eval "$(sed 's/^RESULT //' <<<"$line")"
    ok=$((requests - non2xx))
    TOTAL_2XX=$((TOTAL_2XX + ok))
    MAX_INFLIGHT=$((MAX_INFLIGHT + c))
    tps=$(awk -v n="$ok" -v d="$duration_s" 'BEGIN {printf "%.0f", n / d}')
    ratio=$(awk -v a="$tps" -v b="${PGB[$c]}" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
    srv=$(awk -v t=$((s1 - s0)) -v k="$TCK" -v n="$ok" 'BEGIN {printf "%.3f", (n > 0 ? t * 1000 / k / n : 0)}')
    jit=$(awk -v t=$((j1 - j0)) -v k="$TCK" -v n="$ok" 'BEGIN {printf "%.3f", (n > 0 ? t * 1000 / k / n : 0)}')
    pgc=$(awk -v t=$((p1 - p0)) -v k="$TCK" -v n="$ok" 'BEGIN {printf "%.3f", (n > 0 ? t * 1000 / k / n : 0)}')
    wrkc=$(awk -v t=$((w1 - w0)) -v k="$TCK" -v n="$ok" 'BEGIN {printf "%.3f", (n > 0 ? t * 1000 / k / n : 0)}')
    per_commit=$(awk -v a="$b0" -v b="$b1" 'BEGIN {split(a, x, " "); split(b, y, " "); n = y[1] - x[1];
      if (n > 0) printf "%.2f", (y[2] - x[2]) / n; else print "-"}')
    one_go=$(awk -v a="$b0" -v b="$b1" 'BEGIN {split(a, x, " "); split(b, y, " "); n = y[1] - x[1];
      if (n > 0) printf "%.0f", 100 * (y[3] - x[3]) / n; else print "-"}')
    read -r walb fpi xacts <<<"$(wal_per "$g0" "$g1" "$ok")"
    printf '%-11s %5s %10s %9s %9s %8s %8s %10.0f %8s %10s %10s %10s %10s %10s %9s %6s %8s %7s %7s\n' "$ep" "$c" "$tps" "$p50_ms" "$p99_ms" \
      "$non2xx" "$sockerr" "${PGB[$c]}" "$ratio" "$srv" "$jit" "$pgc" "$wrkc" "$(cpu_busy "$c0" "$c1")" "$per_commit" "$one_go" "$walb" "$fpi" "$xacts"
  done
done

TICKETS=$(psql -tA -d "$DB" -c "SELECT count(*) FROM tickets")
COUNTED=$((TICKETS - WARM))
echo
echo "tickets in database (after warm-up): $COUNTED; 2xx answers: $TOTAL_2XX"
# wrk abandons the requests in flight when a run's time is up; the server may still commit them,
# so up to one ticket per connection per run may have no 2xx that wrk counted.
EXTRA=$((COUNTED - TOTAL_2XX))
if [ "$EXTRA" -eq 0 ]; then echo "CHECK OK: one ticket per 2xx answer"
elif [ "$EXTRA" -gt 0 ] && [ "$EXTRA" -le "$MAX_INFLIGHT" ]; then
  echo "CHECK OK: $EXTRA more tickets than counted 2xx, within the $MAX_INFLIGHT requests in flight at the cut-offs"
else echo "CHECK FAILED: tickets - 2xx = $EXTRA"; exit 1; fi
echo "server log: $WORK/server.log; databases $DB and $PGB_DB (drop them when done)"
