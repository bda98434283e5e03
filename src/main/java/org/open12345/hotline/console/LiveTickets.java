package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketAction;
import org.open12345.hotline.ticket.TicketChangeListener;
import org.open12345.hotline.ticket.TicketStatus;

/**
 * Tells open screens that a ticket changed: its number and the departments whose queues it
 * leaves or joins (nothing of the citizen), through PostgreSQL so every server instance hears it.
 */
final class LiveTickets implements TicketChangeListener {
  private final LiveRepository repository;

  LiveTickets(LiveRepository repository) {
    this.repository = repository;
  }

  @Override
  public Future<Ticket> afterChange(SqlConnection tx, Ticket before, Ticket after, TicketAction action, Actor actor,
      Instant at) {
    if (action == TicketAction.CREATE && after.status() != TicketStatus.RECEIVED) {
      // Tickets are created RECEIVED: another listener (routing's dispatch) already changed this
      // one in this transaction, and that change, made through the listeners too, told the screens
      // the ticket's state as it commits (and every department it joined).
      return Future.succeededFuture(after);
    }
    Set<String> departments = new LinkedHashSet<>();
    if (before != null && before.departmentId() != null) {
      departments.add(before.departmentId());
    }
    if (after.departmentId() != null) {
      departments.add(after.departmentId());
    }
    JsonObject payload = new JsonObject().put("number", after.number()).put("status", after.status().name())
        .put("departments", new JsonArray(departments.stream().toList()));
    return repository.notify(tx, payload.encode()).map(after);
  }
}
