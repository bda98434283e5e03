package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketEventRepository;

/**
 * Stores a ticket's new deadlines and tells the {@link DeadlinesChanged} listeners (the ladder
 * replans), in the caller's transaction; with an event when the change is one of its own
 * (dispatch, extension, pause, resume) rather than the consequence of an act that already has one.
 */
final class DeadlineUpdates {
  private final DeadlineRepository repository;
  private final List<DeadlinesChanged> listeners = new CopyOnWriteArrayList<>();

  DeadlineUpdates(DeadlineRepository repository) {
    this.repository = repository;
  }

  DeadlineRepository repository() {
    return repository;
  }

  void addListener(DeadlinesChanged listener) {
    listeners.add(listener);
  }

  /** @param eventAction null = no event of its own */
  Future<Void> apply(SqlConnection tx, Ticket ticket, TicketDeadlines next, String eventAction, Actor actor,
      Instant at, JsonObject details) {
    return write(tx, ticket, next, false, eventAction, actor, at, details);
  }

  /**
   * The first deadlines of a ticket, which has neither a deadline row nor ladder steps yet: the
   * same writes as {@link #apply}, and the listeners know nothing was planned before.
   */
  Future<Void> start(SqlConnection tx, Ticket ticket, TicketDeadlines first, String eventAction, Actor actor,
      Instant at, JsonObject details) {
    return write(tx, ticket, first, true, eventAction, actor, at, details);
  }

  private Future<Void> write(SqlConnection tx, Ticket ticket, TicketDeadlines next, boolean first, String eventAction,
      Actor actor, Instant at, JsonObject details) {
    // The writes below do not depend on each other's results: they are sent together on the
    // transaction's connection (pipelined) and still run in this order.
    List<Future<?>> writes = new ArrayList<>();
    // A first dispatch has no row yet: a plain insert, written with the batch's other rows.
    writes.add(first ? repository.insertFirst(tx, ticket.id(), ticket.departmentId(), next, at)
        : repository.save(tx, ticket.id(), ticket.departmentId(), next, true, at));
    for (DeadlinesChanged l : listeners) {
      writes.add(l.changed(tx, ticket, next, first, at));
    }
    if (eventAction != null) {
      JsonObject d = details == null ? new JsonObject() : details.copy();
      d.put("policy", next.policy().name()).put("deadlines", TicketDeadlinesJson.summary(next));
      if (next.isPaused()) {
        d.put("paused_at", next.pausedAt().toString());
      }
      if (!next.provisionalYears().isEmpty()) {
        d.put("provisional_years", new JsonArray(next.provisionalYears()));
      }
      writes.add(TicketEventRepository.append(tx, ticket.id(), at, actor, eventAction, ticket.status(), ticket.status(), d));
    }
    return Future.all(writes).mapEmpty();
  }

  /** The ticket ended or left the department: no overdue, no more steps; met marks are kept. */
  Future<Void> close(SqlConnection tx, Ticket ticket, Instant at) {
    return repository.lock(tx, ticket.id()).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture();
      }
      Future<Void> chain = repository.save(tx, ticket.id(), ticket.departmentId(), found.get(), false, at);
      for (DeadlinesChanged l : listeners) {
        chain = chain.compose(v -> l.stopped(tx, ticket, at));
      }
      return chain;
    });
  }
}
