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
