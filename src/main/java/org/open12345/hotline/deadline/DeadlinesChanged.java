package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import org.open12345.hotline.ticket.Ticket;

/**
 * Told, inside the transaction that changes them, whenever a ticket's deadlines are set or move
 * (dispatch, re-dispatch, an act that meets one, extension, pause, resume) and when the ticket
 * leaves the departments' hands. The escalation ladder plans its reminders from this: the
 * deadline feature declares it and never needs to know who listens.
 */
public interface DeadlinesChanged {

  /**
   * The ticket's deadlines are now {@code current}: every deadline with its due time, warning
   * points ({@link Deadline#warnings()}) and escalation point, met marks and pause.
   *
   * @param first true at the ticket's first dispatch: nothing was planned for it before
   */
  Future<Void> changed(SqlConnection tx, Ticket ticket, TicketDeadlines current, boolean first, Instant at);

  /** The ticket ended or was returned: nothing more may fire for it until a new dispatch. */
  Future<Void> stopped(SqlConnection tx, Ticket ticket, Instant at);
}
