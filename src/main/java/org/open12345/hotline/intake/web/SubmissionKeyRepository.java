package org.open12345.hotline.intake.web;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * SQL of web_submission_keys: the idempotency key each keyed web complaint claimed. The claim is
 * written at once, not with the batch's rows at its end, so a second copy in the same group-commit
 * batch meets it, and a copy in another transaction waits on the key until that one ends.
 */
public final class SubmissionKeyRepository {
  /** What a key claimed: the content it came with, the ticket it made and the code's salt. */
  public record Claimed(String contentHash, String ticketNumber, byte[] codeSalt) {}

  private static final String CLAIM = """
      INSERT INTO web_submission_keys (key_hash, content_hash, ticket_id, ticket_number, code_salt, created_at)
      VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (key_hash) DO NOTHING
      RETURNING key_hash""";
  private static final String FIND = """
      SELECT content_hash, ticket_number, code_salt FROM web_submission_keys WHERE key_hash = $1""";

  /** True when this transaction now holds the key; false when another transaction had claimed it. */
  public Future<Boolean> claim(SqlClient tx, String keyHash, String contentHash, long ticketId, String ticketNumber,
      byte[] codeSalt, Instant at) {
    return tx.preparedQuery(CLAIM)
        .execute(Tuple.of(keyHash, contentHash, ticketId, ticketNumber, Buffer.buffer(codeSalt),
            at.atOffset(ZoneOffset.UTC)))
        .map(rows -> rows.size() == 1);
  }

  /** The key's claim, as committed (read outside the creating transaction). */
  public Future<Optional<Claimed>> find(SqlClient db, String keyHash) {
    return db.preparedQuery(FIND).execute(Tuple.of(keyHash))
        .map(rows -> rows.size() == 0 ? Optional.<Claimed>empty() : Optional.of(claimed(rows.iterator().next())));
  }

  private static Claimed claimed(Row r) {
    return new Claimed(r.getString(0), r.getString(1), r.getBuffer(2).getBytes());
  }
}
