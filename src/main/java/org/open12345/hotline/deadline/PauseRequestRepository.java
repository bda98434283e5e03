package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.open12345.hotline.db.UniqueViolation;

/** SQL for pause_requests: a department's requests to stop the clock and the centre's decisions. */
public final class PauseRequestRepository {

  private static final String COLUMNS = """
      p.id, t.number, p.department_id, p.requested_by, p.reason, p.note, p.status, p.decided_by, p.decision_note,
      p.requested_at, p.decided_at""";

  private static final String INSERT = """
      WITH p AS (INSERT INTO pause_requests (ticket_id, department_id, requested_by, reason, note, requested_at)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING *)
      SELECT %s FROM p JOIN tickets t ON t.id = p.ticket_id""".formatted(COLUMNS);

  private static final String LOCK = """
      SELECT %s FROM pause_requests p JOIN tickets t ON t.id = p.ticket_id
      WHERE p.id = $1 AND p.ticket_id = $2 FOR UPDATE OF p""".formatted(COLUMNS);

  private static final String DECIDE = """
      WITH p AS (UPDATE pause_requests SET status = $2, decided_by = $3, decision_note = $4, decided_at = $5
                 WHERE id = $1 RETURNING *)
      SELECT %s FROM p JOIN tickets t ON t.id = p.ticket_id""".formatted(COLUMNS);

  private static final String OF_TICKET = """
      SELECT %s FROM pause_requests p JOIN tickets t ON t.id = p.ticket_id
      WHERE p.ticket_id = $1 ORDER BY p.id""".formatted(COLUMNS);

  /** The partial index on pending requests serves the order. */
  private static final String PENDING = """
      SELECT %s FROM pause_requests p JOIN tickets t ON t.id = p.ticket_id
      WHERE p.status = 'pending' ORDER BY p.requested_at, p.id LIMIT $1 OFFSET $2""".formatted(COLUMNS);

  /** @return empty when the ticket already has a pending request (the unique index said so) */
  public Future<Optional<PauseRequest>> insertPending(SqlClient tx, long ticketId, String departmentId,
      String requestedBy, PauseReason reason, String note, Instant at) {
    return UniqueViolation.emptyIfRefused(tx.preparedQuery(INSERT)
        .execute(Tuple.of(ticketId, departmentId, requestedBy, reason.name(), note, odt(at)))
        .map(PauseRequestRepository::first));
  }

  /** Reads and locks one request of the ticket until the transaction ends. */
  public Future<Optional<PauseRequest>> lock(SqlClient tx, long id, long ticketId) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id, ticketId))
        .map(rows -> rows.iterator().hasNext() ? Optional.of(first(rows)) : Optional.empty());
  }

  /** @param status {@code approved} or {@code refused} */
  public Future<PauseRequest> decide(SqlClient tx, long id, String status, String decidedBy, String note,
      Instant at) {
    return tx.preparedQuery(DECIDE).execute(Tuple.of(id, status, decidedBy, note, odt(at)))
        .map(PauseRequestRepository::first);
  }

  public Future<List<PauseRequest>> ofTicket(SqlClient db, long ticketId) {
    return db.preparedQuery(OF_TICKET).execute(Tuple.of(ticketId)).map(PauseRequestRepository::all);
  }

  /** Requests waiting for a decision, oldest first. */
  public Future<List<PauseRequest>> pending(SqlClient db, int limit, long offset) {
    return db.preparedQuery(PENDING).execute(Tuple.of(limit, offset)).map(PauseRequestRepository::all);
  }

  private static List<PauseRequest> all(RowSet<Row> rows) {
    List<PauseRequest> out = new ArrayList<>();
    rows.forEach(r -> out.add(request(r)));
    return out;
  }

  private static PauseRequest first(RowSet<Row> rows) {
    return request(rows.iterator().next());
  }

  private static PauseRequest request(Row r) {
    return new PauseRequest(r.getLong("id"), r.getString("number"), r.getString("department_id"),
        r.getString("requested_by"), PauseReason.valueOf(r.getString("reason")), r.getString("note"),
        r.getString("status"), r.getString("decided_by"), r.getString("decision_note"), instant(r, "requested_at"),
        instant(r, "decided_at"));
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime v = r.getOffsetDateTime(column);
    return v == null ? null : v.toInstant();
  }

  private static OffsetDateTime odt(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }
}
