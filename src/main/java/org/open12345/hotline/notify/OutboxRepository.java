package org.open12345.hotline.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
            ORDER BY next_attempt_at
            LIMIT $2
            FOR UPDATE SKIP LOCKED) due
      WHERE o.id = due.id
      RETURNING o.*""";
  private static final String MARK_SENT = """
      UPDATE outbox SET status = 'sent', sent_at = now(), provider_id = $3, provider_response = $4,
                        last_error = NULL
      WHERE id = $1 AND attempts = $2 AND status = 'pending'""";
  private static final String MARK_RETRY = """
      UPDATE outbox SET next_attempt_at = greatest($3, now()), last_error = $4
      WHERE id = $1 AND attempts = $2 AND status = 'pending'""";
  private static final String MARK_FAILED = """
      UPDATE outbox SET status = 'failed', last_error = $3
      WHERE id = $1 AND attempts = $2 AND status = 'pending'""";
  private static final String RETRY_FAILED = """
      UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = now()
      WHERE id = $1 AND status = 'failed'""";
  private static final String WAKE_RELAYS = "NOTIFY outbox";
  private static final String LIST = "SELECT " + COLUMNS + " FROM outbox\n" + """
      WHERE ($1::text IS NULL OR status = $1)
        AND ($2::text IS NULL OR channel = $2)
        AND ($3::text IS NULL OR recipient = $3)
        AND ($4::bigint IS NULL OR ticket_id = $4)
      ORDER BY id DESC
      LIMIT $5""";
  private static final String FIND = "SELECT " + COLUMNS + " FROM outbox WHERE id = $1";

  /**
   * Inserts unless the dedupe key exists; wakes the relays on commit. Returns the id or null.
   * The NOTIFY rides in the same statement (pg_notify on the inserted row only), one round trip
   * for what every ticket's acknowledgement pays. It is delivered at commit, and not at all on
   * rollback: exactly the wake-up we want.
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
   * The send times (past hour and scheduled) of SMS to a citizen's phone. Takes a per-phone
   * advisory lock for the transaction so two messages to one phone are scheduled one after the
   * other and cannot both take the hour's last slot.
   */
  public Future<List<Instant>> recentCitizenSends(SqlClient tx, String phone, Instant now) {
    // Two statements, not one: the SELECT must take its snapshot after the lock is granted, or it
    // could miss the row of the transaction that held the lock. Sent together (pipelined), they
    // still run one after the other, in one round trip.
    Future<?> locked = tx.preparedQuery(LOCK_PHONE).execute(Tuple.of(phone));
    Future<RowSet<Row>> recent = tx.preparedQuery(RECENT_CITIZEN_SENDS)
        .execute(Tuple.of(phone, now.atOffset(ZoneOffset.UTC)));
    return Future.all(locked, recent)
        .map(v -> recent.result())
        .map(rows -> {
          List<Instant> out = new ArrayList<>();
          rows.forEach(r -> out.add(r.getOffsetDateTime("t").toInstant()));
          return out;
        });
  }

  /**
   * Claims up to {@code limit} due messages for this relay. SKIP LOCKED lets several relays claim
   * side by side without waiting on or taking each other's rows; pushing next_attempt_at forward
   * by the lease is the claim, so a relay killed before recording the outcome loses nothing.
   */
  public Future<List<OutboxRow>> claimDue(SqlClient db, String relayId, int limit, Duration lease) {
    return db.preparedQuery(CLAIM_DUE)
        .execute(Tuple.of(relayId, limit, (double) lease.toSeconds()))
        .map(OutboxRepository::rows);
  }

  /** Outcome writes check the attempt number, so a relay whose lease ran out cannot overwrite. */
  public Future<Boolean> markSent(SqlClient db, long id, int attempt, String providerId, String response) {
    return db.preparedQuery(MARK_SENT)
        .execute(Tuple.of(id, attempt, providerId, truncate(response)))
        .map(r -> r.rowCount() == 1);
  }

  public Future<Boolean> markRetry(SqlClient db, long id, int attempt, Instant at, String error) {
    return db.preparedQuery(MARK_RETRY)
        .execute(Tuple.of(id, attempt, at.atOffset(ZoneOffset.UTC), truncate(error)))
        .map(r -> r.rowCount() == 1);
  }

  public Future<Boolean> markFailed(SqlClient db, long id, int attempt, String error) {
    return db.preparedQuery(MARK_FAILED)
        .execute(Tuple.of(id, attempt, truncate(error)))
        .map(r -> r.rowCount() == 1);
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
