package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** SQL of rating_appeals. Writes take the caller's transaction connection. */
public final class RatingAppealRepository {
  private static final String COLUMNS = """
      id, rating_id, ticket_id, department_id, appealed_by, reason, evidence, appealed_at, window_ends_at, status,
      decided_by, decided_at, decision_reason""";

  /** One appeal per rating: the unique rating_id makes a second (or a concurrent) one insert nothing. */
  private static final String INSERT = """
      INSERT INTO rating_appeals (rating_id, ticket_id, department_id, appealed_by, reason, evidence, appealed_at,
                                  window_ends_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      ON CONFLICT (rating_id) DO NOTHING
      RETURNING %s""".formatted(COLUMNS);
  private static final String LOCK_OF_RATING = "SELECT " + COLUMNS + " FROM rating_appeals WHERE rating_id = $1 FOR UPDATE";
  private static final String DECIDE = """
      UPDATE rating_appeals SET status = $2, decided_by = $3, decided_at = $4, decision_reason = $5
      WHERE id = $1
      RETURNING %s""".formatted(COLUMNS);

  /** The new appeal; empty when the rating already has one. */
  public Future<Optional<RatingAppeal>> insert(SqlClient tx, StoredRating r, String by, String reason, String evidence,
      Instant at, Instant windowEndsAt) {
    return tx.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {r.id(), r.ticketId(), r.departmentId(), by, reason, evidence, odt(at),
            odt(windowEndsAt)}))
        .map(RatingAppealRepository::first);
  }

  /** The rating's appeal, locked until the transaction ends. */
  public Future<Optional<RatingAppeal>> lockOfRating(SqlClient tx, long ratingId) {
    return tx.preparedQuery(LOCK_OF_RATING).execute(Tuple.of(ratingId)).map(RatingAppealRepository::first);
  }

  /** @param status {@code UPHELD} or {@code REJECTED} */
  public Future<RatingAppeal> decide(SqlClient tx, long id, String status, String by, Instant at, String reason) {
    return tx.preparedQuery(DECIDE).execute(Tuple.of(id, status, by, odt(at), reason))
        .map(rows -> first(rows).orElseThrow());
  }

  private static Optional<RatingAppeal> first(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row r = rows.iterator().next();
    return Optional.of(new RatingAppeal(r.getLong("id"), r.getLong("rating_id"), r.getLong("ticket_id"),
        r.getString("department_id"), r.getString("appealed_by"), r.getString("reason"), r.getString("evidence"),
        instant(r, "appealed_at"), instant(r, "window_ends_at"), r.getString("status"), r.getString("decided_by"),
        instant(r, "decided_at"), r.getString("decision_reason")));
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime v = r.getOffsetDateTime(column);
    return v == null ? null : v.toInstant();
  }

  private static OffsetDateTime odt(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }
}
