package org.open12345.hotline.notify;

import io.vertx.core.Future;
import java.util.List;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.privacy.ContactMask;
import org.open12345.hotline.problem.InvalidField;
import org.open12345.hotline.problem.NotFound;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketService;

/**
 * The outbox as a caller may read it. Centre staff see every message. A department sees the
 * messages about one of its own tickets at a time (asked through the ticket feature, never its
 * table): another department's ticket is not found, and a confidential ticket's citizen contacts
 * are masked in recipient, subject and text.
 */
final class OutboxView {
  private final Outbox outbox;
  private final TicketService tickets;

  OutboxView(Outbox outbox, TicketService tickets) {
    this.outbox = outbox;
    this.tickets = tickets;
  }

  Future<List<OutboxRow>> list(Actor viewer, String status, String channel, String recipient, Long ticketId,
      int limit) {
    if (viewer.scope() == null) {
      return outbox.list(status, channel, recipient, ticketId, limit);
    }
    if (ticketId == null) {
      return Future.failedFuture(new InvalidField("ticket_id",
          "is required for department callers: they see the messages about one of their tickets at a time"));
    }
    return tickets.findAll(List.of(ticketId)).compose(found -> {
      Ticket t = found.stream().filter(x -> viewer.sees(x.departmentId())).findFirst().orElse(null);
      if (t == null) {
        return Future.failedFuture(new NotFound("no ticket with id " + ticketId));
      }
      return outbox.list(status, channel, recipient, ticketId, limit).map(rows -> !t.masksContactsFor(viewer) ? rows
          : rows.stream().map(r -> r.masked(x -> ContactMask.hide(x, t.citizenPhone(), t.citizenName()))).toList());
    });
  }
}
