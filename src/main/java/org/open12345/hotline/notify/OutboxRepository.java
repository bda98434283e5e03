package org.open12345.hotline.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.open12345.hotline.db.DeferredRows;
import org.open12345.hotline.db.ValuePlans;
import org.open12345.hotline.notify.policy.SendRate;

/** SQL of the outbox table. Decisions about what is due use the database clock. */
public final class OutboxRepository {
  private static final String COLUMNS = """
      id, kind, channel, recipient, subject, text_body, html_body, metadata, dedupe_key, ticket_id,
      to_citizen, status, attempts, next_attempt_at, last_error, provider_id, provider_response,
      created_at, sent_at""";
  private static final String INSERT = """
      WITH ins AS (
        INSERT INTO outbox (kind, channel, recipient, subject, text_body, html_body, metadata, dedupe_key,
                            ticket_id, to_citizen, next_attempt_at, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING id)
      SELECT id, pg_notify('outbox', '') FROM ins""";
  /**
   * The same insert for many rows, one array per column (a group-commit batch's messages, see
   * {@link #insertLater}), and one wake-up for all of them: the relays need only one.
   */
  private static final String INSERT_ROWS = """
      WITH ins AS (
        INSERT INTO outbox (kind, channel, recipient, subject, text_body, html_body, metadata, dedupe_key,
                            ticket_id, to_citizen, next_attempt_at, created_at)
        SELECT kind, channel, recipient, subject, text_body, html_body, metadata::jsonb, dedupe_key,
               ticket_id, to_citizen, next_attempt_at, created_at
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                    $8::text[], $9::bigint[], $10::boolean[], $11::timestamptz[], $12::timestamptz[])
             AS m(kind, channel, recipient, subject, text_body, html_body, metadata, dedupe_key,
                  ticket_id, to_citizen, next_attempt_at, created_at)
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING 1)
      SELECT pg_notify('outbox', '') FROM (SELECT 1 FROM ins LIMIT 1) AS inserted""";
  private static final String LOCK_PHONE = """
      SELECT pg_advisory_xact_lock(hashtextextended('outbox-sms:' || $1, 0))""";
  private static final String RECENT_CITIZEN_SENDS = """
      SELECT coalesce(sent_at, next_attempt_at) AS t FROM outbox
      WHERE recipient = $1 AND to_citizen AND status <> 'failed'
        AND created_at > $2::timestamptz - interval '2 days'
        AND coalesce(sent_at, next_attempt_at) > $2::timestamptz - interval '1 hour'""";
  private static final String CLAIM_DUE = """
      UPDATE outbox o
      SET next_attempt_at = now() + make_interval(secs => $3), attempts = o.attempts + 1, claimed_by = $1
      FROM (SELECT id FROM outbox
            WHERE status = 'pending' AND next_attempt_at <= now()
            ORDER BY priority, next_attempt_at
            LIMIT $2
            FOR UPDATE SKIP LOCKED) due
      WHERE o.id = due.id
      RETURNING o.*""";
  /**
   * The channels with pending rows, by a loose index scan of outbox_due: one index probe per
   * channel, however many rows wait (a night's held prompts do not make it slower).
   */
  private static final String PENDING_CHANNELS = """
      WITH RECURSIVE ch AS (
        (SELECT channel FROM outbox WHERE status = 'pending' ORDER BY channel LIMIT 1)
        UNION ALL
        SELECT (SELECT o.channel FROM outbox o WHERE o.status = 'pending' AND o.channel > ch.channel
                ORDER BY o.channel LIMIT 1)
        FROM ch WHERE ch.channel IS NOT NULL)
      SELECT channel FROM ch WHERE channel IS NOT NULL""";
  /**
   * Refills a send-rate bucket for the time since its last use and locks it until the claim
   * commits, so relays of all instances take its tokens one after the other. $3 null = the
   * database clock (one clock for every instance).
   */
  private static final String REFILL_BUCKET = """
      INSERT INTO outbox_send_rate AS r (bucket, tokens, updated_at)
      VALUES ($1, $2, coalesce($3::timestamptz, now()))
      ON CONFLICT (bucket) DO UPDATE
      SET tokens = least($2, r.tokens + $4 * greatest(0,
            extract(epoch FROM coalesce($3::timestamptz, now()) - r.updated_at)::float8)),
          updated_at = greatest(r.updated_at, coalesce($3::timestamptz, now()))
      RETURNING tokens""";
  private static final String DEBIT_BUCKET = """
      UPDATE outbox_send_rate SET tokens = tokens - $2 WHERE bucket = $1""";
  /**
   * Claims due rows of one channel, at-once ones (priority 0: acknowledgements, staff alerts)
   * before bulk ones (1: prompts, notices). Each branch reads one contiguous range of outbox_due.
   * The picked ids come back as an array: joined as a row set, the planner cannot tell how few
   * the bulk LIMIT leaves and hashes the whole table (3 s with 500,000 due rows, not 1 ms).
   */
  private static final String CLAIM_CHANNEL = """
      WITH urgent AS (
        SELECT id FROM outbox
        WHERE status = 'pending' AND channel = $4 AND priority = 0 AND next_attempt_at <= now()
        ORDER BY next_attempt_at
        LIMIT $2
        FOR UPDATE SKIP LOCKED),
      bulk AS (
        SELECT id FROM outbox
        WHERE status = 'pending' AND channel = $4 AND priority = 1 AND next_attempt_at <= now()
        ORDER BY next_attempt_at
        LIMIT greatest(0, $2 - (SELECT count(*) FROM urgent))
        FOR UPDATE SKIP LOCKED)
      UPDATE outbox o
      SET next_attempt_at = now() + make_interval(secs => $3), attempts = o.attempts + 1, claimed_by = $1
      WHERE o.id = ANY (ARRAY(SELECT id FROM urgent UNION ALL SELECT id FROM bulk))
      RETURNING o.*""";
  /**
   * Records the outcomes of one relay round: one statement, one commit, however many messages.
   * Each row is written only if it still carries the attempt number its claim gave it and is
   * pending, so a relay whose lease ran out (and whose rows another relay claimed) cannot
   * overwrite. A retry keeps the row pending, due at its backoff instant; sent and failed end it.
   */
  // Planned for its values at each call (ValuePlans): a generic plan of this join made while the
  // outbox was small keeps scanning it whole as it grows (as inbound_messages' outcome UPDATE did).
  private static final String SETTLE = ValuePlans.perCall("""
      UPDATE outbox o
      SET status = CASE WHEN s.outcome = 'retry' THEN o.status ELSE s.outcome END,
          sent_at = CASE WHEN s.outcome = 'sent' THEN now() ELSE o.sent_at END,
          provider_id = CASE WHEN s.outcome = 'sent' THEN s.provider_id ELSE o.provider_id END,
          provider_response = CASE WHEN s.outcome = 'sent' THEN s.provider_response ELSE o.provider_response END,
          last_error = s.error,
          next_attempt_at = CASE WHEN s.outcome = 'retry' THEN greatest(s.retry_at, now()) ELSE o.next_attempt_at END
      FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
           AS s(id, attempt, outcome, provider_id, provider_response, error, retry_at)
      WHERE o.id = s.id AND o.attempts = s.attempt AND o.status = 'pending'""");
  private static final String RETRY_FAILED = """
      UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = now()
      WHERE id = $1 AND status = 'failed'""";
  private static final String WAKE_RELAYS = "NOTIFY outbox";
  // Planned per call (ValuePlans): a generic plan can use no index of an optional filter.
  private static final String LIST = ValuePlans.perCall("SELECT " + COLUMNS + " FROM outbox\n" + """
      WHERE ($1::text IS NULL OR status = $1)
        AND ($2::text IS NULL OR channel = $2)
        AND ($3::text IS NULL OR recipient = $3)
        AND ($4::bigint IS NULL OR ticket_id = $4)
      ORDER BY id DESC
      LIMIT $5""");
  private static final String FIND = "SELECT " + COLUMNS + " FROM outbox WHERE id = $1";

  /**
   * Inserts unless the dedupe key exists; wakes the relays on commit. Returns the id or null.
   * The NOTIFY rides in the same statement (pg_notify on the inserted row only), one round trip
   * for what every ticket's acknowledgement pays. It is delivered at commit, and not at all on
   * rollback: exactly the wake-up we want. A row with the same key that a group-commit batch still
   * holds back ({@link #insertLater}) is not seen here; it then adds nothing at the batch's end, so
   * the key still makes one message. Not flushing first keeps the batch's rows together.
   */
  public Future<Long> insert(SqlClient tx, NewMessage m, Instant now, Instant notBefore) {
    return tx.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {
            m.kind(), m.channel(), m.recipient(), m.subject(), m.textBody(), m.htmlBody(), m.metadata(),
            m.dedupeKey(), m.ticketId(), m.toCitizen(), notBefore.atOffset(ZoneOffset.UTC),
            now.atOffset(ZoneOffset.UTC)}))
        .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong(0) : null);
  }

  /**
   * {@link #insert} without the id: within a group-commit batch the row waits for the batch's end
   * and goes with every other unit's messages in one statement, with one wake-up of the relays
   * ({@link DeferredRows}); alone, it is written at once. Same dedupe rule: a key already taken,
   * in the table or earlier in the same statement, adds nothing.
   */
  public Future<Void> insertLater(SqlClient tx, NewMessage m, Instant now, Instant notBefore) {
    return DeferredRows.write(tx, INSERT_ROWS,
        new String[] {m.kind()}, new String[] {m.channel()}, new String[] {m.recipient()},
        new String[] {m.subject()}, new String[] {m.textBody()}, new String[] {m.htmlBody()},
        new String[] {m.metadata().encode()}, new String[] {m.dedupeKey()}, new Long[] {m.ticketId()},
        new Boolean[] {m.toCitizen()}, new OffsetDateTime[] {notBefore.atOffset(ZoneOffset.UTC)},
        new OffsetDateTime[] {now.atOffset(ZoneOffset.UTC)});
  }

  /**
   * The send times (past hour and scheduled) of SMS to a citizen's phone. Takes a per-phone
   * advisory lock for the transaction so two messages to one phone are scheduled one after the
   * other and cannot both take the hour's last slot.
   */
  public Future<List<Instant>> recentCitizenSends(SqlClient tx, String phone, Instant now) {
    // The rows a group-commit batch holds back go first: one of them may be an SMS to this phone
    // (another unit's, or this unit's), which the read must count.
    return DeferredRows.flushed(tx).compose(flushed -> {
      // Two statements, not one: the SELECT must take its snapshot after the lock is granted, or it
      // could miss the row of the transaction that held the lock. Sent together (pipelined), they
      // still run one after the other, in one round trip.
      Future<?> locked = tx.preparedQuery(LOCK_PHONE).execute(Tuple.of(phone));
      Future<RowSet<Row>> recent = tx.preparedQuery(RECENT_CITIZEN_SENDS)
          .execute(Tuple.of(phone, now.atOffset(ZoneOffset.UTC)));
      return Future.all(locked, recent);
    })
        .map(all -> all.<RowSet<Row>>resultAt(1))
        .map(rows -> {
          List<Instant> out = new ArrayList<>();
          rows.forEach(r -> out.add(r.getOffsetDateTime("t").toInstant()));
          return out;
        });
  }

  /**
   * Claims up to {@code limit} due messages of any channel, with no send rate: for tests and
   * tools (the relay uses {@link #claimRound}). Claims up to {@code limit} due messages for this relay. SKIP LOCKED lets several relays claim
   * side by side without waiting on or taking each other's rows; pushing next_attempt_at forward
   * by the lease is the claim, so a relay killed before recording the outcome loses nothing.
   */
  public Future<List<OutboxRow>> claimDue(SqlClient db, String relayId, int limit, Duration lease) {
    return db.preparedQuery(CLAIM_DUE)
        .execute(Tuple.of(relayId, limit, (double) lease.toSeconds()))
        .map(OutboxRepository::rows);
  }

  /** What one claim round took, and how long to wait when a send rate held some back. */
  public record ClaimRound(List<OutboxRow> rows, boolean full, Optional<Duration> throttledFor) {}

  /**
   * One claim round over every channel with pending rows, in one transaction: at most
   * {@code batch} rows per channel, at-once rows first, and no more than a rate-limited channel's
   * bucket holds. The buckets are locked in channel order until commit, so two relays never
   * spend the same tokens and cannot deadlock.
   *
   * @param rateClock the time for the buckets; null = the database clock (production)
   */
  public Future<ClaimRound> claimRound(Pool pool, String relayId, int batch, Duration lease, SendRates rates,
      Instant rateClock) {
    OffsetDateTime at = rateClock == null ? null : rateClock.atOffset(ZoneOffset.UTC);
    return pool.withTransaction(tx -> tx.preparedQuery(PENDING_CHANNELS).execute().compose(found -> {
      List<String> channels = new ArrayList<>();
      found.forEach(r -> channels.add(r.getString(0)));
      channels.sort(null);
      List<Future<Claimed>> claims = new ArrayList<>();
      for (String channel : channels) {
        claims.add(claimChannel(tx, relayId, batch, lease, channel, rates.forChannel(channel).orElse(null), at));
      }
      return Future.all(claims).map(v -> {
        List<OutboxRow> rows = new ArrayList<>();
        boolean full = false;
        Duration wait = null;
        for (Future<Claimed> f : claims) {
          Claimed c = f.result();
          rows.addAll(c.rows());
          full |= c.full();
          if (c.throttledFor() != null && (wait == null || c.throttledFor().compareTo(wait) < 0)) {
            wait = c.throttledFor();
          }
        }
        return new ClaimRound(rows, full, Optional.ofNullable(wait));
      });
    }));
  }

  /** {@code full}: the claim took as many as it could, so more may be due. */
  private record Claimed(List<OutboxRow> rows, Duration throttledFor, boolean full) {}

  private Future<Claimed> claimChannel(SqlConnection tx, String relayId, int batch, Duration lease, String channel,
      SendRate rate, OffsetDateTime at) {
    double leaseSeconds = lease.toSeconds();
    if (rate == null) {
      return tx.preparedQuery(CLAIM_CHANNEL).execute(Tuple.of(relayId, batch, leaseSeconds, channel))
          .map(r -> {
            List<OutboxRow> rows = rows(r);
            return new Claimed(rows, null, rows.size() == batch);
          });
    }
    int size = rate.claimSize(batch);
    return tx.preparedQuery(REFILL_BUCKET)
        .execute(Tuple.of(rate.bucket(), rate.capacity(), at, rate.perSecond()))
        .compose(refilled -> {
          double tokens = refilled.iterator().next().getDouble(0);
          int allowed = rate.allowance(tokens, size);
          if (allowed == 0) {
            return Future.succeededFuture(new Claimed(List.of(), rate.waitAfter(tokens, size), false));
          }
          return tx.preparedQuery(CLAIM_CHANNEL).execute(Tuple.of(relayId, allowed, leaseSeconds, channel))
              .compose(claimed -> {
                List<OutboxRow> rows = rows(claimed);
                double left = tokens - rows.size();
                boolean full = rows.size() == size;
                // Held back when the bucket, not the claim size or the due rows, set the limit.
                Duration wait = allowed < size && rows.size() == allowed ? rate.waitAfter(left, size) : null;
                return rows.isEmpty() ? Future.succeededFuture(new Claimed(rows, wait, false))
                    : tx.preparedQuery(DEBIT_BUCKET).execute(Tuple.of(rate.bucket(), (double) rows.size()))
                        .map(d -> new Claimed(rows, wait, full));
              });
        });
  }

  /**
   * What became of one claimed message, to be recorded by {@link #settle}: {@code attempt} is the
   * attempt number the claim gave the row.
   */
  public record DeliveryOutcome(long id, int attempt, String outcome, String providerId, String providerResponse,
      String error, Instant retryAt) {
    public static DeliveryOutcome sent(long id, int attempt, String providerId, String providerResponse) {
      return new DeliveryOutcome(id, attempt, "sent", providerId, providerResponse, null, null);
    }

    public static DeliveryOutcome retry(long id, int attempt, Instant at, String error) {
      return new DeliveryOutcome(id, attempt, "retry", null, null, error, at);
    }

    public static DeliveryOutcome failed(long id, int attempt, String error) {
      return new DeliveryOutcome(id, attempt, "failed", null, null, error, null);
    }
  }

  /**
   * Records a round's outcomes in one statement (one commit): returns how many rows it wrote, fewer
   * than given when some claims had expired and been taken over. Written in id order, so two
   * relays settling overlapping rows (possible only after an expired lease) lock them in the same
   * order. If it fails nothing is written: the claims expire and the messages are sent again.
   */
  public Future<Integer> settle(SqlClient db, List<DeliveryOutcome> outcomes) {
    if (outcomes.isEmpty()) {
      return Future.succeededFuture(0);
    }
    List<DeliveryOutcome> sorted = new ArrayList<>(outcomes);
    sorted.sort(java.util.Comparator.comparingLong(DeliveryOutcome::id));
    int n = sorted.size();
    Long[] ids = new Long[n];
    Integer[] attempts = new Integer[n];
    String[] kinds = new String[n];
    String[] providerIds = new String[n];
    String[] responses = new String[n];
    String[] errors = new String[n];
    OffsetDateTime[] retryAt = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      DeliveryOutcome s = sorted.get(i);
      ids[i] = s.id();
      attempts[i] = s.attempt();
      kinds[i] = s.outcome();
      providerIds[i] = s.providerId();
      responses[i] = truncate(s.providerResponse());
      errors[i] = truncate(s.error());
      retryAt[i] = s.retryAt() == null ? null : s.retryAt().atOffset(ZoneOffset.UTC);
    }
    return db.preparedQuery(SETTLE)
        .execute(Tuple.from(new Object[] {ids, attempts, kinds, providerIds, responses, errors, retryAt}))
        .map(RowSet::rowCount);
  }

  /** An operator's resend of a dead letter: a fresh set of attempts, due now; wakes the relays. */
  public Future<Boolean> retryFailed(SqlClient db, long id) {
    return db.preparedQuery(RETRY_FAILED)
        .execute(Tuple.of(id))
        .compose(r -> r.rowCount() == 1
            ? db.query(WAKE_RELAYS).execute().map(true)
            : Future.succeededFuture(false));
  }

  public Future<List<OutboxRow>> list(SqlClient db, String status, String channel, String recipient, Long ticketId,
      int limit) {
    return db.preparedQuery(LIST)
        .execute(Tuple.of(status, channel, recipient, ticketId, limit))
        .map(OutboxRepository::rows);
  }

  public Future<Optional<OutboxRow>> find(SqlClient db, long id) {
    return db.preparedQuery(FIND).execute(Tuple.of(id))
        .map(rows -> rows.iterator().hasNext() ? Optional.of(OutboxRow.from(rows.iterator().next()))
            : Optional.empty());
  }

  private static List<OutboxRow> rows(Iterable<Row> rows) {
    List<OutboxRow> out = new ArrayList<>();
    rows.forEach(r -> out.add(OutboxRow.from(r)));
    return out;
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 4000 ? s : s.substring(0, 4000);
  }
}
