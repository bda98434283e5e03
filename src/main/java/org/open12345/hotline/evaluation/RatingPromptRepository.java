package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** SQL of the rating_prompts table. Writes take the caller's transaction connection. */
public final class RatingPromptRepository {
  private static final String INSERT = """
      INSERT INTO rating_prompts (ticket_id, phone, sent_at, expires_at)
      VALUES ($1, $2, $3, $4)
      RETURNING id""";
  private static final String LATEST_FOR_PHONE = """
      SELECT id, ticket_id, phone, sent_at, expires_at FROM rating_prompts
      WHERE phone = $1
      ORDER BY sent_at DESC, id DESC
      LIMIT 1
      FOR UPDATE""";

  /** Stores a prompt; returns its id. */
  public Future<Long> insert(SqlClient tx, long ticketId, String phone, Instant sentAt, Instant expiresAt) {
    return tx.preparedQuery(INSERT)
        .execute(Tuple.of(ticketId, phone, sentAt.atOffset(ZoneOffset.UTC), expiresAt.atOffset(ZoneOffset.UTC)))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** The phone's latest prompt, locked until the transaction ends. */
  public Future<Optional<RatingPrompt>> lockLatestFor(SqlClient tx, String phone) {
    return tx.preparedQuery(LATEST_FOR_PHONE)
        .execute(Tuple.of(phone))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(prompt(rows.iterator().next())));
  }

  private static RatingPrompt prompt(Row r) {
    return new RatingPrompt(r.getLong(0), r.getLong(1), r.getString(2), r.getOffsetDateTime(3).toInstant(),
        r.getOffsetDateTime(4).toInstant());
  }
}
