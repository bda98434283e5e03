package org.open12345.hotline.intake.idempotency;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * SQL of web_submission_keys: the idempotency key each keyed web submission (portal, Open311) claimed. The claim is
 * written at once, not with the batch's rows at its end, so a second copy in the same group-commit
 * batch meets it; a copy in another transaction that is still open finds the key busy.
 */
public final class SubmissionKeyRepository {
  /** What a key claimed: the content it came with, the ticket it made and the code's salt (null: no code). */
  public record Claimed(String contentHash, String ticketNumber, byte[] codeSalt) {}

  /**
   * The claim, under a transaction-scoped advisory lock on the key, tried without waiting: every
   * claim takes it first, so a transaction that holds an uncommitted claim of this key holds the
   * lock too, and this one never waits on it. That matters when the holder's connection went dark:
   * PostgreSQL keeps its transaction open until db.idle_in_transaction_timeout, and a claim waiting
   * on it would hold its group-commit batch and its pool connection that long.
   */
  private static final String CLAIM = """
      WITH locked AS (SELECT pg_try_advisory_xact_lock(hashtextextended('web-key:' || $1, 0)) AS ok),
           claimed AS (
             INSERT INTO web_submission_keys (key_hash, content_hash, ticket_id, ticket_number, code_salt, created_at)
             SELECT $1, $2, $3, $4, $5, $6 FROM locked WHERE ok
             ON CONFLICT (key_hash) DO NOTHING
             RETURNING 1)
      SELECT (SELECT ok FROM locked) AS locked, (SELECT count(*) FROM claimed) AS claimed""";
  /** A chunk of the claims made before $1 (see ExpiredRows: chunks, SKIP LOCKED). */
  private static final String DELETE_CLAIMED_BEFORE = """
      DELETE FROM web_submission_keys WHERE key_hash IN (
        SELECT key_hash FROM web_submission_keys WHERE created_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)""";
  private static final String FIND = """
      SELECT content_hash, ticket_number, code_salt FROM web_submission_keys WHERE key_hash = $1""";

  /** What a claim found: the key is now this transaction's, or another transaction is on it, or it was stored. */
  public enum Claim { CLAIMED, BUSY, TAKEN }

  public Future<Claim> claim(SqlClient tx, String keyHash, String contentHash, long ticketId, String ticketNumber,
      byte[] codeSalt, Instant at) {
    return tx.preparedQuery(CLAIM)
        .execute(Tuple.of(keyHash, contentHash, ticketId, ticketNumber,
            codeSalt == null ? null : Buffer.buffer(codeSalt), at.atOffset(ZoneOffset.UTC)))
        .map(rows -> {
          Row r = rows.iterator().next();
          return !r.getBoolean(0) ? Claim.BUSY : r.getLong(1) == 1 ? Claim.CLAIMED : Claim.TAKEN;
        });
  }

  /** The key's claim, as committed (read outside the creating transaction). */
  public Future<Optional<Claimed>> find(SqlClient db, String keyHash) {
    return db.preparedQuery(FIND).execute(Tuple.of(keyHash))
        .map(rows -> rows.size() == 0 ? Optional.<Claimed>empty() : Optional.of(claimed(rows.iterator().next())));
  }

  /**
   * Deletes at most {@code limit} claims made before {@code before}; answers how many. A key only
   * serves a client whose answer was lost and who sends the same submission again, minutes or
   * hours later; kept forever, every keyed submission left a row for good. Deleted, a key sent
   * again makes a new ticket, as a submission without a key does (intake.keys.keep).
   */
  public Future<Integer> deleteClaimedBefore(SqlClient db, Instant before, int limit) {
    return db.preparedQuery(DELETE_CLAIMED_BEFORE).execute(Tuple.of(before.atOffset(ZoneOffset.UTC), limit))
        .map(SqlResult::rowCount);
  }

  private static Claimed claimed(Row r) {
    Buffer salt = r.getBuffer(2);
    return new Claimed(r.getString(0), r.getString(1), salt == null ? null : salt.getBytes());
  }
}
