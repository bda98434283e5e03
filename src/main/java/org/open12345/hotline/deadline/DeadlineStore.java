package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.Optional;

/** SQL for ticket_deadlines: one row per dispatched ticket, its whole deadline state as JSON. */
public final class DeadlineStore {

  public Future<Optional<TicketDeadlines>> find(SqlClient db, long ticketId) {
    return read(db, "SELECT state FROM ticket_deadlines WHERE ticket_id = $1", ticketId);
  }

  /** Reads and locks the row until the transaction ends. */
  public Future<Optional<TicketDeadlines>> lock(SqlClient tx, long ticketId) {
    return read(tx, "SELECT state FROM ticket_deadlines WHERE ticket_id = $1 FOR UPDATE", ticketId);
  }

  private Future<Optional<TicketDeadlines>> read(SqlClient db, String sql, long ticketId) {
    return db.preparedQuery(sql).execute(Tuple.of(ticketId)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(TicketDeadlinesJson.read(it.next().getJsonObject("state")))
          : Optional.<TicketDeadlines>empty();
    });
  }

  /**
   * @param open false once the ticket left the departments' hands: nothing of it is overdue then
   */
  public Future<Void> save(SqlClient tx, long ticketId, String departmentId, TicketDeadlines d, boolean open,
      Instant at) {
    JsonObject state = TicketDeadlinesJson.write(d);
    Instant openDue = open ? openDueAt(d) : null;
    return tx.preparedQuery(
            "INSERT INTO ticket_deadlines (ticket_id, policy, department_id, sign_by, respond_by, resolve_by, "
                + "open_due_at, paused_at, state, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                + "ON CONFLICT (ticket_id) DO UPDATE SET policy = EXCLUDED.policy, department_id = EXCLUDED.department_id, "
                + "sign_by = EXCLUDED.sign_by, respond_by = EXCLUDED.respond_by, resolve_by = EXCLUDED.resolve_by, "
                + "open_due_at = EXCLUDED.open_due_at, paused_at = EXCLUDED.paused_at, state = EXCLUDED.state, "
                + "updated_at = EXCLUDED.updated_at")
        .execute(Tuple.from(new Object[] {
            ticketId, d.policy().name(), departmentId, odt(d.signBy().orElse(null)),
            odt(d.respondBy().orElse(null)), odt(d.resolveBy().orElse(null)), odt(openDue),
            odt(d.pausedAt()), state, odt(at)}))
        .mapEmpty();
  }

  /** The earliest deadline still running: not met and not held by a pause. */
  static Instant openDueAt(TicketDeadlines d) {
    return d.deadlines().values().stream()
        .filter(dl -> !dl.isMet() && !d.isFrozen(dl))
        .map(Deadline::dueAt)
        .min(Instant::compareTo)
        .orElse(null);
  }

  private static OffsetDateTime odt(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }
}
