package org.open12345.hotline.intake.voice;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of callback_tasks (one per abandoned call), read with their call's id and provider. */
public final class CallbackTaskRepository {
  private static final String COLUMNS = """
      k.id, k.phone, k.hotline_number, k.status, k.created_at, k.done_at, k.done_by, k.note, c.call_id, c.provider
      """;
  private static final String INSERT = """
      INSERT INTO callback_tasks (call_pk, phone, hotline_number, created_at)
      VALUES ($1, $2, $3, $4)
      ON CONFLICT (call_pk) DO NOTHING""";
  private static final String OPEN_FOR_PHONE = "SELECT " + COLUMNS + """
      FROM callback_tasks k JOIN calls c ON c.id = k.call_pk
      WHERE k.phone = $1 AND k.status = 'open'
      ORDER BY k.id""";
  private static final String LIST = "SELECT " + COLUMNS + """
      FROM callback_tasks k JOIN calls c ON c.id = k.call_pk
      WHERE ($1::text IS NULL OR k.status = $1)
      ORDER BY k.created_at, k.id
      LIMIT $2""";
  private static final String FIND = "SELECT " + COLUMNS + """
      FROM callback_tasks k JOIN calls c ON c.id = k.call_pk
      WHERE k.id = $1""";
  private static final String MARK_DONE = """
      UPDATE callback_tasks SET status = 'done', done_at = $2, done_by = $3, note = $4
      WHERE id = $1 AND status = 'open'""";

  /** At most one task per call: a call decided again does not make a second. */
  Future<Void> insert(SqlClient tx, long callPk, String phone, String hotlineNumber, Instant at) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(callPk, phone, hotlineNumber, CallRepository.utc(at)))
        .mapEmpty();
  }

  public Future<List<CallbackTask>> openFor(SqlClient db, String phone) {
    return db.preparedQuery(OPEN_FOR_PHONE).execute(Tuple.of(phone)).map(CallbackTaskRepository::all);
  }

  /** Oldest first; a null status matches any. */
  public Future<List<CallbackTask>> list(SqlClient db, String status, int limit) {
    return db.preparedQuery(LIST).execute(Tuple.of(status, limit)).map(CallbackTaskRepository::all);
  }

  public Future<Optional<CallbackTask>> find(SqlClient db, long id) {
    return db.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> all(rows).stream().findFirst());
  }

  /** True when the task was open and is now done. */
  public Future<Boolean> markDone(SqlClient tx, long id, Instant at, String by, String note) {
    return tx.preparedQuery(MARK_DONE).execute(Tuple.of(id, CallRepository.utc(at), by, note))
        .map(r -> r.rowCount() == 1);
  }

  private static List<CallbackTask> all(RowSet<Row> rows) {
    List<CallbackTask> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(new CallbackTask(r.getLong(0), r.getString(1), r.getString(2), r.getString(3),
          CallRepository.instant(r.getOffsetDateTime(4)), CallRepository.instant(r.getOffsetDateTime(5)),
          r.getString(6), r.getString(7), r.getString(8), r.getString(9)));
    }
    return out;
  }
}
