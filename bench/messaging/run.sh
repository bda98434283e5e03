#!/usr/bin/env bash
# Messaging at the limit (issue 15, point 5). One command from the repository root:
#   flock /work/bench.lock bench/messaging/run.sh
# On a fresh database of the PostgreSQL at 127.0.0.1:5432, with INSTANCES server instances
# (relay on, SMS through the `log` provider, messaging.sms.max_per_second = RATE):
#   1. PROMPTS rating prompts held for the morning (next_attempt_at = the release moment, as quiet
#      hours write them; the release is RELEASE_IN seconds after the insert: "08:00");
#   2. new contacts (web complaints) at CONTACTS_PER_SECOND from before the release until the
#      prompts are drained, each queuing an acknowledgement SMS;
# and prints: the drain rate against RATE, the most SMS sent in one second, the acknowledgements'
# latency (outbox row created -> sent) p50/p99/max, and the claim query's plan with the backlog.
# Env: PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres), RATE (1000), PROMPTS (500000),
# CONTACTS_PER_SECOND (20), INSTANCES (2), RELEASE_IN (120; it must outlast the insert), BATCH (50), PORT (18180),
# WINDOW (seconds of drain to measure after the release; default: until every prompt is sent, at most
# 3 x PROMPTS / RATE + 1 h).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
RATE=${RATE:-1000} PROMPTS=${PROMPTS:-500000} CPS=${CONTACTS_PER_SECOND:-20} INSTANCES=${INSTANCES:-2}
RELEASE_IN=${RELEASE_IN:-120} BATCH=${BATCH:-50} PORT=${PORT:-18180}
DB=msg_bench_$(date +%s)
WORK=$(mktemp -d /tmp/msg-bench-XXXX)
OUT=bench/messaging/results-$DB.txt
JAR=${JAR:-target/hotline.jar}
[ -f "$JAR" ] || mvn -B -q -o package -DskipTests
createdb "$DB"
PIDS=()
cleanup() {
  touch "$WORK/stop"
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
v() { psql -X -At -d "$DB" -c "$1"; }
say() { echo "$*" | tee -a "$OUT"; }

start_server() { # $1 instance number; instance 1 serves the contacts
  HOTLINE_DB_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$DB" HOTLINE_HTTP_PORT=$((PORT + $1 - 1)) \
  HOTLINE_HTTP_HOST=127.0.0.1 HOTLINE_DB_POOL_SIZE=8 HOTLINE_OUTBOX_BATCH_SIZE=$BATCH \
  HOTLINE_MESSAGING_SMS_PROVIDER=log HOTLINE_MESSAGING_SMS_MAX_PER_SECOND=$RATE \
  HOTLINE_INTAKE_WEB_SUBMISSIONS_PER_IP_PER_HOUR=0 HOTLINE_INTAKE_WEB_SUBMISSIONS_PER_PHONE_PER_DAY=0 \
  HOTLINE_ESCALATION_ROBOT_CHANNEL="" \
  java -Xmx512m -jar "$JAR" >"$WORK/server-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$((PORT + $1 - 1))/health" >/dev/null 2>&1 && return
    sleep 0.5
  done
  echo "server $1 did not start"; tail -20 "$WORK/server-$1.log"; exit 1
}

start_server 1
for i in $(seq 2 "$INSTANCES"); do start_server "$i"; done
say "# messaging benchmark $(date -u +%FT%TZ), $(nproc) cores, load: $(uptime | sed 's/.*load/load/')"
say "# RATE=$RATE/s PROMPTS=$PROMPTS CONTACTS_PER_SECOND=$CPS INSTANCES=$INSTANCES BATCH=$BATCH"

# The night's prompts, as quiet hours leave them: all due at the same instant, the release.
q -c "INSERT INTO outbox (kind, channel, recipient, text_body, metadata, dedupe_key, to_citizen,
        next_attempt_at, created_at)
      SELECT 'rating-prompt', 'sms', '139' || lpad(g::text, 8, '0'), '【12345】请对工单办理结果评价：回复1满意 2基本满意 3不满意（' || g || '）',
        '{}'::jsonb, 'bench-prompt:' || g, true, now() + make_interval(secs => $RELEASE_IN), now() - interval '8 hours'
      FROM generate_series(1, $PROMPTS) g;
      ANALYZE outbox;"
RELEASE=$(v "SELECT max(next_attempt_at) FROM outbox WHERE kind = 'rating-prompt'")
say "held: $(v "SELECT count(*) FROM outbox WHERE status = 'pending'") prompts until $RELEASE"

# The relay's claim of one channel (OutboxRepository.CLAIM_CHANNEL), explained in a rolled-back
# transaction: with the backlog held, and later with it due.
CLAIM="EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH urgent AS (SELECT id FROM outbox WHERE status = 'pending' AND channel = 'sms' AND priority = 0
    AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT 50 FOR UPDATE SKIP LOCKED),
  bulk AS (SELECT id FROM outbox WHERE status = 'pending' AND channel = 'sms' AND priority = 1
    AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT greatest(0, 50 - (SELECT count(*) FROM urgent))
    FOR UPDATE SKIP LOCKED)
UPDATE outbox o SET next_attempt_at = now() + interval '60 seconds', attempts = o.attempts + 1, claimed_by = 'explain'
WHERE o.id = ANY (ARRAY(SELECT id FROM urgent UNION ALL SELECT id FROM bulk))"
explain() { say "## claim plan: $1"; { echo "BEGIN;"; echo "$CLAIM;"; echo "ROLLBACK;"; } | q | tee -a "$OUT"; }
explain "$PROMPTS prompts held (none due)"

python3 bench/messaging/contacts.py "$PORT" "$CPS" "$WORK/stop" >"$WORK/contacts.txt" 2>&1 &
PIDS+=($!)
# Until the release, then until the last prompt is sent (or 3 x the expected drain time), or
# for WINDOW seconds of the drain.
# Wall-clock seconds (bash's SECONDS), not loop turns: a loaded machine makes turns slow.
# A machine slower than RATE drains slower: the cap is generous, the loop ends when none are left.
LIMIT=$(( RELEASE_IN + ${WINDOW:-$(( 3 * PROMPTS / RATE + 3600 ))} ))
EXPLAINED=""
LAST_SAY=0
SECONDS=0
while (( SECONDS < LIMIT )); do
  sleep 1
  t=$SECONDS
  left=$(v "SELECT count(*) FROM outbox WHERE kind = 'rating-prompt' AND status = 'pending'")
  if (( t - LAST_SAY >= 30 )); then
    LAST_SAY=$t
    say "t=${t}s prompts pending=$left acks pending=$(v "SELECT count(*) FROM outbox WHERE kind='ticket-ack' AND status='pending'")"
  fi
  if [ -z "$EXPLAINED" ] && (( t >= RELEASE_IN + 60 || left < PROMPTS / 2 )); then
    explain "$left prompts due, waiting for the rate"; EXPLAINED=1
  fi
  [ "$left" = 0 ] && break
done
sleep 5
touch "$WORK/stop"; sleep 1
say "$(cat "$WORK/contacts.txt" 2>/dev/null || true)"
say "## drain of the held prompts (sent_at is the database clock at the outcome)"
q -c "SELECT count(sent_at) AS prompts_sent,
        round(extract(epoch FROM min(sent_at) - '$RELEASE'::timestamptz)::numeric, 2) AS first_after_release_s,
        round(extract(epoch FROM max(sent_at) - min(sent_at))::numeric, 1) AS drain_s,
        round((count(sent_at) / nullif(extract(epoch FROM max(sent_at) - min(sent_at)), 0))::numeric, 1) AS per_s,
        $RATE AS configured_per_s,
        count(DISTINCT claimed_by) AS relays,
        (SELECT count(*) FROM outbox WHERE kind = 'rating-prompt' AND status <> 'sent') AS prompts_left
      FROM outbox WHERE kind = 'rating-prompt'" | tee -a "$OUT"
say "## SMS sent per second (all kinds), over the drain"
q -c "SELECT max(n) AS max_in_one_second, round(avg(n), 1) AS avg_per_second,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY n) AS median_per_second
      FROM (SELECT date_trunc('second', sent_at) s, count(*) n FROM outbox WHERE channel = 'sms' AND status = 'sent'
            GROUP BY 1) x
      WHERE s > (SELECT min(sent_at) FROM outbox WHERE kind = 'rating-prompt')
        AND s < (SELECT max(sent_at) FROM outbox WHERE kind = 'rating-prompt') - interval '1 second'" | tee -a "$OUT"
say "## acknowledgements of new contacts: outbox row created -> sent"
q -c "SELECT CASE WHEN created_at < '$RELEASE' THEN 'before release' ELSE 'during drain' END AS phase,
        count(*) AS acks, count(*) FILTER (WHERE status = 'sent') AS sent,
        round((1000 * percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at)))::numeric, 0) AS p50_ms,
        round((1000 * percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at)))::numeric, 0) AS p99_ms,
        round((1000 * max(extract(epoch FROM sent_at - created_at)))::numeric, 0) AS max_ms,
        count(*) FILTER (WHERE sent_at - created_at > interval '3 minutes') AS over_3_min
      FROM outbox WHERE kind = 'ticket-ack' GROUP BY 1 ORDER BY 1" | tee -a "$OUT"
say "tickets: $(v "SELECT count(*) FROM tickets"), acks: $(v "SELECT count(*) FROM outbox WHERE kind='ticket-ack'")"
# Duplicates, counted where they would hurt: at the provider. Every prompt (its number in the text)
# and every acknowledgement (its ticket number) has its own text, and the log masks phone numbers,
# so a (kind, recipient, text) the log provider logged twice is a message sent twice.
say "## duplicates (log provider lines over all instances)"
sed -n 's/.*SMS not sent (log provider) id=[^ ]* //p' "$WORK"/server-*.log | sort >"$WORK/provider.txt"
say "provider_sends=$(wc -l <"$WORK/provider.txt") distinct=$(uniq "$WORK/provider.txt" | wc -l) \
duplicates=$(uniq -d "$WORK/provider.txt" | wc -l) prompts_at_provider=$(grep -c '^kind=rating-prompt ' "$WORK/provider.txt") \
sent_rows_with_attempts_gt_1=$(v "SELECT count(*) FROM outbox WHERE channel = 'sms' AND status = 'sent' AND attempts > 1")"
say "load after: $(uptime | sed 's/.*load/load/')"
say "results: $OUT"
