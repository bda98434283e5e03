package org.open12345.hotline.handling;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.open12345.hotline.db.DeferredRows;

/** SQL for co_department_parts (协办). Writes take the caller's transaction. */
public final class CoPartRepository {

  private static final String ASSIGN = """
      INSERT INTO co_department_parts (ticket_id, department_id, status, assigned_at)
      SELECT $1, d, 'OPEN', $3 FROM unnest($2::text[]) AS d
      ON CONFLICT (ticket_id, department_id) WHERE status <> 'CLOSED' DO NOTHING
      RETURNING department_id""";

  /**
   * Parts of a ticket's first dispatch, one array per column so a group-commit batch writes all its
   * tickets' parts in one statement ({@link DeferredRows}). The ticket has no live part yet; the
   * conflict clause only keeps a department named twice to one part.
   */
  private static final String ASSIGN_NEW = """
      INSERT INTO co_department_parts (ticket_id, department_id, status, assigned_at)
      SELECT t, d, 'OPEN', a FROM unnest($1::bigint[], $2::text[], $3::timestamptz[]) AS p(t, d, a)
      ON CONFLICT (ticket_id, department_id) WHERE status <> 'CLOSED' DO NOTHING""";

  /** Closes the live parts except those of {@code $2}'s departments; returns the departments closed. */
  private static final String CLOSE_EXCEPT = """
      UPDATE co_department_parts SET status = 'CLOSED', closed_at = $3, close_reason = $4
      WHERE ticket_id = $1 AND status <> 'CLOSED' AND NOT (department_id = ANY($2))
      RETURNING department_id""";

  private static final String LOCK_LIVE = "SELECT " + CoPart.COLUMNS + " FROM co_department_parts\n" + """
      WHERE ticket_id = $1 AND department_id = $2 AND status <> 'CLOSED' FOR UPDATE""";

  private static final String LATEST = "SELECT " + CoPart.COLUMNS + " FROM co_department_parts\n" + """
      WHERE ticket_id = $1 AND department_id = $2 ORDER BY id DESC LIMIT 1""";

  private static final String ANSWER = "UPDATE co_department_parts SET status = 'ANSWERED', answer = $2, "
      + "answered_at = $3, answered_by = $4 WHERE id = $1 RETURNING " + CoPart.COLUMNS;

  private static final String OF_TICKET = "SELECT " + CoPart.COLUMNS
      + " FROM co_department_parts WHERE ticket_id = $1 ORDER BY id";

  private static final String IS_LIVE = """
      SELECT EXISTS (SELECT 1 FROM co_department_parts
                     WHERE ticket_id = $1 AND department_id = $2 AND status <> 'CLOSED')""";

  /** A department's live parts, newest first (the department index serves it). */
  private static final String LIVE_OF_DEPARTMENT = "SELECT " + CoPart.COLUMNS + " FROM co_department_parts\n" + """
      WHERE department_id = $1 AND status IN ('OPEN', 'ANSWERED')
      ORDER BY assigned_at DESC LIMIT $2""";

  /**
   * The departments newly assigned (one already assisting keeps its part). Parts a group-commit
   * batch holds back ({@link #assignNew}) are written first, so they count, here and in
   * {@link #closeExcept}.
   */
  Future<List<String>> assign(SqlClient tx, long ticketId, Collection<String> departments, Instant at) {
    return DeferredRows.flushed(tx).compose(v -> tx.preparedQuery(ASSIGN)
        .execute(Tuple.of(ticketId, departments.toArray(String[]::new), odt(at)))
        .map(CoPartRepository::departments));
  }

  /** Opens parts for departments of a ticket that has none yet (its first dispatch). */
  Future<Void> assignNew(SqlClient tx, long ticketId, List<String> departments, Instant at) {
    int n = departments.size();
    Long[] tickets = new Long[n];
    OffsetDateTime[] times = new OffsetDateTime[n];
    Arrays.fill(tickets, ticketId);
    Arrays.fill(times, odt(at));
    return DeferredRows.write(tx, ASSIGN_NEW, tickets, departments.toArray(String[]::new), times);
  }

  /** @param keep departments whose live part stays open */
  Future<List<String>> closeExcept(SqlClient tx, long ticketId, Collection<String> keep, Instant at, String reason) {
    return DeferredRows.flushed(tx).compose(v -> tx.preparedQuery(CLOSE_EXCEPT)
        .execute(Tuple.of(ticketId, keep.toArray(String[]::new), odt(at), reason))
        .map(CoPartRepository::departments));
  }

  Future<Optional<CoPart>> lockLive(SqlClient tx, long ticketId, String departmentId) {
    return tx.preparedQuery(LOCK_LIVE).execute(Tuple.of(ticketId, departmentId)).map(CoPartRepository::first);
  }

  Future<Optional<CoPart>> latest(SqlClient db, long ticketId, String departmentId) {
    return db.preparedQuery(LATEST).execute(Tuple.of(ticketId, departmentId)).map(CoPartRepository::first);
  }

  Future<CoPart> answer(SqlClient tx, long id, String answer, Instant at, String by) {
    return tx.preparedQuery(ANSWER).execute(Tuple.of(id, answer, odt(at), by))
        .map(rows -> CoPart.from(rows.iterator().next()));
  }

  Future<List<CoPart>> ofTicket(SqlClient db, long ticketId) {
    return db.preparedQuery(OF_TICKET).execute(Tuple.of(ticketId)).map(rows -> {
      List<CoPart> out = new ArrayList<>();
      rows.forEach(r -> out.add(CoPart.from(r)));
      return out;
    });
  }

  Future<List<CoPart>> liveOf(SqlClient db, String departmentId, int limit) {
    return db.preparedQuery(LIVE_OF_DEPARTMENT).execute(Tuple.of(departmentId, limit)).map(rows -> {
      List<CoPart> out = new ArrayList<>();
      rows.forEach(r -> out.add(CoPart.from(r)));
      return out;
    });
  }

  Future<Boolean> isLive(SqlClient db, long ticketId, String departmentId) {
    return db.preparedQuery(IS_LIVE).execute(Tuple.of(ticketId, departmentId))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  private static List<String> departments(RowSet<Row> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.getString(0)));
    return out;
  }

  private static Optional<CoPart> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(CoPart.from(rows.iterator().next()));
  }

  private static OffsetDateTime odt(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }
}
