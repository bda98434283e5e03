package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** SQL of the rating_prompts table (the rating rounds). Writes take the caller's transaction connection. */
public final class RatingPromptRepository {
  private static final String COLUMNS = "id, ticket_id, phone, sent_at, expires_at, round";
  /** The round counts the ticket's earlier prompts; its closes and fixes hold the ticket's or case's lock. */
  private static final String INSERT = """
      INSERT INTO rating_prompts (ticket_id, phone, sent_at, expires_at, purpose, sms, round)
      VALUES ($1, $2, $3, $4, $5, $6, (SELECT coalesce(max(round), 0) + 1 FROM rating_prompts WHERE ticket_id = $1))
      RETURNING id""";
  private static final String LATEST_FOR_PHONE = """
      SELECT %s FROM rating_prompts
      WHERE phone = $1
      ORDER BY sent_at DESC, id DESC
      LIMIT 1
      FOR UPDATE""".formatted(COLUMNS);
  /** As LATEST_FOR_PHONE, unlocked: for a text that cannot rate it, only its time is read. */
  private static final String PEEK_LATEST_FOR_PHONE = """
      SELECT %s FROM rating_prompts
      WHERE phone = $1
      ORDER BY sent_at DESC, id DESC
      LIMIT 1""".formatted(COLUMNS);
  private static final String LATEST_FOR_TICKET = """
      SELECT %s FROM rating_prompts
      WHERE ticket_id = $1
      ORDER BY id DESC
      LIMIT 1
      FOR UPDATE""".formatted(COLUMNS);
  private static final String LATEST_OF_TICKET = """
      SELECT %s FROM rating_prompts WHERE ticket_id = $1 ORDER BY id DESC LIMIT 1""".formatted(COLUMNS);

  /**
   * Stores a prompt; returns its id.
   *
   * @param purpose {@code close} or {@code re_rate}
   * @param sms whether an SMS invitation went out with it
   */
  public Future<Long> insert(SqlClient tx, long ticketId, String phone, Instant sentAt, Instant expiresAt,
      String purpose, boolean sms) {
    return tx.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {ticketId, phone, sentAt.atOffset(ZoneOffset.UTC),
            expiresAt.atOffset(ZoneOffset.UTC), purpose, sms}))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** The phone's latest prompt, locked until the transaction ends. */
  public Future<Optional<RatingPrompt>> lockLatestFor(SqlClient tx, String phone) {
    return tx.preparedQuery(LATEST_FOR_PHONE).execute(Tuple.of(phone)).map(RatingPromptRepository::first);
  }

  /** The phone's latest prompt, unlocked. */
  public Future<Optional<RatingPrompt>> peekLatestFor(SqlClient tx, String phone) {
    return tx.preparedQuery(PEEK_LATEST_FOR_PHONE).execute(Tuple.of(phone)).map(RatingPromptRepository::first);
  }

  /** The ticket's latest prompt (its current rating round), locked until the transaction ends. */
  public Future<Optional<RatingPrompt>> lockLatestOfTicket(SqlClient tx, long ticketId) {
    return tx.preparedQuery(LATEST_FOR_TICKET).execute(Tuple.of(ticketId)).map(RatingPromptRepository::first);
  }

  /** The ticket's latest prompt, unlocked (for display). */
  public Future<Optional<RatingPrompt>> latestOfTicket(SqlClient db, long ticketId) {
    return db.preparedQuery(LATEST_OF_TICKET).execute(Tuple.of(ticketId)).map(RatingPromptRepository::first);
  }

  private static Optional<RatingPrompt> first(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row r = rows.iterator().next();
    return Optional.of(new RatingPrompt(r.getLong(0), r.getLong(1), r.getString(2), r.getOffsetDateTime(3).toInstant(),
        r.getOffsetDateTime(4).toInstant(), r.getInteger(5)));
  }
}
