package org.open12345.hotline.returns;

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
import org.open12345.hotline.db.ValuePlans;

/** SQL for ticket_returns: each return (退单) and the centre's ruling on it. */
public final class ReturnRepository {

  private static final String COLUMNS = """
      r.id, t.number, r.department_id, r.returned_by, r.reason, r.reason_label, r.note, r.returned_at,
      r.ruling_due_at, r.status, r.decision, r.redispatched_to, r.ruled_by, r.ruling_note, r.ruled_at""";

  private static final String INSERT = """
      WITH r AS (INSERT INTO ticket_returns (ticket_id, department_id, returned_by, reason, reason_label, note,
                                            returned_at, ruling_due_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *)
      SELECT %s FROM r JOIN tickets t ON t.id = r.ticket_id""".formatted(COLUMNS);

  private static final String FIND = """
      SELECT %s FROM ticket_returns r JOIN tickets t ON t.id = r.ticket_id WHERE r.id = $1""".formatted(COLUMNS);

  private static final String LOCK = FIND + " FOR UPDATE OF r";

  private static final String RULE_PENDING = """
      WITH r AS (UPDATE ticket_returns SET status = 'ruled', decision = $2, redispatched_to = $3, ruled_by = $4,
                                            ruling_note = $5, ruled_at = $6
                 WHERE ticket_id = $1 AND status = 'pending' RETURNING *)
      SELECT %s FROM r JOIN tickets t ON t.id = r.ticket_id""".formatted(COLUMNS);

  /** The queue index serves the pending order; ruled returns by department use theirs. */
  // Planned per call (ValuePlans): a generic plan can use no index of an optional filter.
  private static final String PENDING = ValuePlans.perCall("""
      SELECT %s FROM ticket_returns r JOIN tickets t ON t.id = r.ticket_id
      WHERE r.status = 'pending' AND ($1::text IS NULL OR r.department_id = $1)
      ORDER BY r.ruling_due_at NULLS LAST, r.id LIMIT $2 OFFSET $3""".formatted(COLUMNS));

  // Planned per call (ValuePlans): a generic plan can use no index of an optional filter.
  private static final String RULED = ValuePlans.perCall("""
      SELECT %s FROM ticket_returns r JOIN tickets t ON t.id = r.ticket_id
      WHERE r.status = 'ruled' AND ($1::text IS NULL OR r.department_id = $1)
      ORDER BY r.ruled_at DESC, r.id DESC LIMIT $2 OFFSET $3""".formatted(COLUMNS));

  /** @return empty when the ticket already waits for a ruling (the unique index said so) */
  public Future<Optional<TicketReturn>> insert(SqlClient tx, long ticketId, String departmentId, String returnedBy,
      ReturnReason reason, String note, Instant at, Instant rulingDueAt) {
    return UniqueViolation.emptyIfRefused(tx.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {ticketId, departmentId, returnedBy, reason.id(), reason.name(), note,
            odt(at), odt(rulingDueAt)}))
        .map(ReturnRepository::first));
  }

  public Future<Optional<TicketReturn>> find(SqlClient db, long id) {
    return db.preparedQuery(FIND).execute(Tuple.of(id)).map(ReturnRepository::optional);
  }

  /** Reads and locks one return until the transaction ends. */
  public Future<Optional<TicketReturn>> lock(SqlClient tx, long id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id)).map(ReturnRepository::optional);
  }

  /**
   * Records the ruling on the ticket's pending return, if it has one.
   *
   * @param redispatchedTo the department of a re-dispatch, else null
   */
  public Future<Optional<TicketReturn>> rulePending(SqlClient tx, long ticketId, String decision,
      String redispatchedTo, String ruledBy, String note, Instant at) {
    return tx.preparedQuery(RULE_PENDING)
        .execute(Tuple.of(ticketId, decision, redispatchedTo, ruledBy, note, odt(at)))
        .map(ReturnRepository::optional);
  }

  /**
   * @param pending true: waiting for a ruling, the most due first; false: ruled, newest first
   * @param departmentId the department that returned them, or null for all
   */
  public Future<List<TicketReturn>> list(SqlClient db, boolean pending, String departmentId, int limit, long offset) {
    return db.preparedQuery(pending ? PENDING : RULED).execute(Tuple.of(departmentId, limit, offset)).map(rows -> {
      List<TicketReturn> out = new ArrayList<>();
      rows.forEach(r -> out.add(ticketReturn(r)));
      return out;
    });
  }

  private static Optional<TicketReturn> optional(RowSet<Row> rows) {
    return rows.iterator().hasNext() ? Optional.of(first(rows)) : Optional.empty();
  }

  private static TicketReturn first(RowSet<Row> rows) {
    return ticketReturn(rows.iterator().next());
  }

  private static TicketReturn ticketReturn(Row r) {
    return new TicketReturn(r.getLong("id"), r.getString("number"), r.getString("department_id"),
        r.getString("returned_by"), r.getString("reason"), r.getString("reason_label"), r.getString("note"),
        instant(r, "returned_at"), instant(r, "ruling_due_at"), r.getString("status"), r.getString("decision"),
        r.getString("redispatched_to"), r.getString("ruled_by"), r.getString("ruling_note"), instant(r, "ruled_at"));
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime v = r.getOffsetDateTime(column);
    return v == null ? null : v.toInstant();
  }

  private static OffsetDateTime odt(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }
}
