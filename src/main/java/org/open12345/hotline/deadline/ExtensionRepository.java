package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.open12345.hotline.db.UniqueViolation;

/** SQL for deadline_extensions: 延期 requests and their decisions. */
public final class ExtensionRepository {

  private static final String COLUMNS = """
      id, department_id, requested_by, span, until_date, reason, status, old_resolve_by, new_resolve_by,
      decided_by, decision_reason, requested_at, decided_at""";

  private static final String INSERT = """
      INSERT INTO deadline_extensions (ticket_id, department_id, requested_by, span, until_date, reason,
                                       old_resolve_by, requested_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      RETURNING %s""".formatted(COLUMNS);

  private static final String LOCK = """
      SELECT %s FROM deadline_extensions WHERE id = $1 AND ticket_id = $2 FOR UPDATE""".formatted(COLUMNS);

  private static final String DECIDE = """
      UPDATE deadline_extensions
      SET status = $2, new_resolve_by = $3, decided_by = $4, decision_reason = $5, decided_at = $6
      WHERE id = $1
      RETURNING %s""".formatted(COLUMNS);

  private static final String OF_TICKET = """
      SELECT %s FROM deadline_extensions WHERE ticket_id = $1 ORDER BY id""".formatted(COLUMNS);

  /** The partial unique index on pending requests holds them all; few wait at a time. */
  /** The partial unique index on pending requests holds them all; few wait at a time. */
  private static final String PENDING = """
      SELECT t.number AS ticket_number, e.id, e.department_id, e.requested_by, e.span, e.until_date, e.reason,
             e.status, e.old_resolve_by, e.new_resolve_by, e.decided_by, e.decision_reason, e.requested_at,
             e.decided_at
      FROM deadline_extensions e JOIN tickets t ON t.id = e.ticket_id
      WHERE e.status = 'pending' ORDER BY e.requested_at, e.id LIMIT $1 OFFSET $2""";

  /**
   * Stores a pending request.
   *
   * @return empty when the ticket already has a pending request (the unique index said so)
   */
  public Future<Optional<Extension>> insertPending(SqlClient tx, long ticketId, String departmentId,
      String requestedBy, TimeSpan span, LocalDate until, String reason, Instant oldResolveBy, Instant requestedAt) {
    return UniqueViolation.emptyIfRefused(tx.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {ticketId, departmentId, requestedBy, span == null ? null : span.toString(),
            until, reason, odt(oldResolveBy), odt(requestedAt)}))
        .map(ExtensionRepository::first));
  }

  /** Reads and locks one request of the ticket until the transaction ends. */
  public Future<Optional<Extension>> lock(SqlClient tx, long id, long ticketId) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id, ticketId))
        .map(rows -> rows.iterator().hasNext() ? Optional.of(first(rows)) : Optional.empty());
  }

  /**
   * Records the decision.
   *
   * @param status {@code approved} or {@code refused}
   * @param newResolveBy the moved resolve-by of an approval, null for a refusal
   */
  public Future<Extension> decide(SqlClient tx, long id, String status, Instant newResolveBy, String decidedBy,
      String reason, Instant at) {
    return tx.preparedQuery(DECIDE)
        .execute(Tuple.of(id, status, odt(newResolveBy), decidedBy, reason, odt(at)))
        .map(ExtensionRepository::first);
  }

  /** Every request of the ticket, oldest first. */
  public Future<List<Extension>> ofTicket(SqlClient db, long ticketId) {
    return db.preparedQuery(OF_TICKET).execute(Tuple.of(ticketId)).map(rows -> {
      List<Extension> out = new ArrayList<>();
      rows.forEach(r -> out.add(extension(r)));
      return out;
    });
  }

  /** Requests waiting for the centre, oldest first, each with its ticket's number. */
  public Future<List<Extensions.Waiting>> pending(SqlClient db, int limit, long offset) {
    return db.preparedQuery(PENDING).execute(Tuple.of(limit, offset)).map(rows -> {
      List<Extensions.Waiting> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Extensions.Waiting(r.getString("ticket_number"), extension(r))));
      return out;
    });
  }

  private static Extension first(RowSet<Row> rows) {
    return extension(rows.iterator().next());
  }

  private static Extension extension(Row r) {
    return new Extension(r.getLong("id"), r.getString("department_id"), r.getString("requested_by"),
        r.getString("span"), r.getLocalDate("until_date"), r.getString("reason"), r.getString("status"),
        instant(r, "old_resolve_by"), instant(r, "new_resolve_by"), r.getString("decided_by"),
        r.getString("decision_reason"), instant(r, "requested_at"), instant(r, "decided_at"));
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime v = r.getOffsetDateTime(column);
    return v == null ? null : v.toInstant();
  }

  private static OffsetDateTime odt(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }
}
