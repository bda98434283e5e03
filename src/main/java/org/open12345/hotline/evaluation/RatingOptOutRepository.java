package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** SQL of rating_opt_outs: each phone's opt-outs and reversals, the latest being its state. */
public final class RatingOptOutRepository {
  private static final String INSERT = """
      INSERT INTO rating_opt_outs (phone, opted_out, via, actor, note, inbound_message_id, at)
      VALUES ($1, $2, $3, $4, $5, $6, $7)""";
  private static final String LATEST = """
      SELECT opted_out FROM rating_opt_outs WHERE phone = $1 ORDER BY id DESC LIMIT 1""";
  private static final String HISTORY = """
      SELECT opted_out, via, actor, note, at FROM rating_opt_outs WHERE phone = $1 ORDER BY id DESC LIMIT $2""";

  /** One change of a phone's state. */
  public record Change(boolean optedOut, String via, String actor, String note, Instant at) {}

  public Future<Void> insert(SqlClient tx, String phone, boolean optedOut, String via, String actor, String note,
      Long inboundMessageId, Instant at) {
    return tx.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {phone, optedOut, via, actor, note, inboundMessageId, at.atOffset(ZoneOffset.UTC)}))
        .mapEmpty();
  }

  /** Whether the phone is opted out now (no row: it never was). */
  public Future<Boolean> isOptedOut(SqlClient db, String phone) {
    return db.preparedQuery(LATEST).execute(Tuple.of(phone))
        .map(rows -> rows.size() > 0 && rows.iterator().next().getBoolean(0));
  }

  /** The phone's changes, newest first. */
  public Future<List<Change>> history(SqlClient db, String phone, int limit) {
    return db.preparedQuery(HISTORY).execute(Tuple.of(phone, limit)).map(rows -> {
      List<Change> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Change(r.getBoolean("opted_out"), r.getString("via"), r.getString("actor"),
          r.getString("note"), r.getOffsetDateTime("at").toInstant())));
      return out;
    });
  }
}
