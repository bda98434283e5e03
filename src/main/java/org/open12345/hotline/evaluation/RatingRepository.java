package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/** SQL of the ratings table. Writes take the caller's transaction connection. */
public final class RatingRepository {
  private static final String COUNTED_FOR_PROMPT = """
      SELECT level FROM ratings WHERE prompt_id = $1 AND status = 'counted'""";
  private static final String COUNTED_FOR_CALL = """
      SELECT level FROM ratings WHERE call_pk = $1 AND status = 'counted'""";
  private static final String INSERT = """
      INSERT INTO ratings (ticket_id, call_pk, prompt_id, inbound_message_id, level, source, raw_text,
                           confidence, status, bad, follow_up_required, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
      RETURNING id""";

  /** The level of the prompt's counted rating, or null when it has none. */
  public Future<RatingLevel> countedForPrompt(SqlClient tx, long promptId) {
    return tx.preparedQuery(COUNTED_FOR_PROMPT).execute(Tuple.of(promptId)).map(RatingRepository::level);
  }

  /** The level of the call's counted rating, or null when it has none. */
  public Future<RatingLevel> countedForCall(SqlClient tx, long callPk) {
    return tx.preparedQuery(COUNTED_FOR_CALL).execute(Tuple.of(callPk)).map(RatingRepository::level);
  }

  /** Stores a rating; returns its id. */
  public Future<Long> insert(SqlClient tx, NewRating r, RatingService.Status status, boolean followUp,
      Instant now) {
    return tx.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {r.ticketId(), r.callPk(), r.promptId(), r.inboundMessageId(),
            r.level().name(), r.source(), r.rawText(), r.confidence(), status.name().toLowerCase(Locale.ROOT),
            r.level().isBad(), followUp, now.atOffset(ZoneOffset.UTC)}))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static RatingLevel level(RowSet<Row> rows) {
    return rows.size() == 0 ? null : RatingLevel.valueOf(rows.iterator().next().getString(0));
  }
}
