package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.problem.NotFound;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketRepository;

/** Locks a ticket for a deadline change and checks the caller may make it. */
final class TicketAccess {
  private final TicketRepository tickets;

  TicketAccess(TicketRepository tickets) {
    this.tickets = tickets;
  }

  /**
   * @param centre centre roles allowed on any ticket
   * @param department whether the ticket's own department may do it too
   */
  Future<Ticket> lock(SqlConnection tx, String number, Actor actor, Set<Role> centre, boolean department) {
    boolean allowed = centre.contains(actor.role()) || (department && actor.role() == Role.DEPARTMENT);
    if (!allowed) {
      return Future.failedFuture(DeadlineChangeRefused.forbidden("forbidden_action",
          "role " + actor.role() + " may not do this"));
    }
    // Another department's ticket is not found, exactly like one that does not exist.
    return tickets.lockByNumber(tx, number, actor.scope()).map(found -> {
      Ticket t = found.orElseThrow(() -> new NotFound("no ticket " + number));
      if (actor.role() == Role.DEPARTMENT && !actor.department().equals(t.departmentId())) {
        throw DeadlineChangeRefused.forbidden("not_your_ticket",
            "ticket " + number + " is assigned to " + t.departmentId() + ", not to " + actor.department());
      }
      if (t.status().terminal()) {
        throw DeadlineChangeRefused.conflict("ticket_ended", "ticket " + number + " is " + t.status());
      }
      return t;
    });
  }
}
