package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.escalation.EscalationLadder;
import org.open12345.hotline.escalation.LadderPlan;
import org.open12345.hotline.escalation.StepStore;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketEventRepository;

/**
 * Stores a ticket's new deadlines and replans its ladder steps, in the caller's transaction; with
 * an event when the change is one of its own (dispatch, extension, pause, resume) rather than the
 * consequence of an act that already has one.
 */
public final class DeadlineUpdates {
  private final DeadlineStore store;
  private final StepStore steps;
  private final EscalationLadder ladder;

  public DeadlineUpdates(DeadlineStore store, StepStore steps, EscalationLadder ladder) {
    this.store = store;
    this.steps = steps;
    this.ladder = ladder;
  }

  public DeadlineStore store() {
    return store;
  }

  /** @param eventAction null = no event of its own */
  public Future<Void> apply(SqlConnection tx, Ticket ticket, TicketDeadlines next, String eventAction, Actor actor,
      Instant at, JsonObject details) {
    return write(tx, ticket, next, false, eventAction, actor, at, details);
  }

  /**
   * The first deadlines of a ticket, which has neither a deadline row nor ladder steps yet: the
   * same writes as {@link #apply} minus cancelling earlier steps.
   */
  public Future<Void> start(SqlConnection tx, Ticket ticket, TicketDeadlines first, String eventAction, Actor actor,
      Instant at, JsonObject details) {
    return write(tx, ticket, first, true, eventAction, actor, at, details);
  }

  private Future<Void> write(SqlConnection tx, Ticket ticket, TicketDeadlines next, boolean first, String eventAction,
      Actor actor, Instant at, JsonObject details) {
    // The writes below do not depend on each other's results: they are sent together on the
    // transaction's connection (pipelined) and still run in this order.
    Future<Void> saved = store.save(tx, ticket.id(), ticket.departmentId(), next, true, at);
    LadderPlan plan = ladder.plan(next);
    Future<Void> replanned = first
        ? steps.planFirst(tx, ticket.id(), ticket.departmentId(), plan, at)
        : steps.replan(tx, ticket.id(), ticket.departmentId(), plan, at);
    if (eventAction == null) {
      return Future.all(saved, replanned).mapEmpty();
    }
    JsonObject d = details == null ? new JsonObject() : details.copy();
    d.put("policy", next.policy().name()).put("deadlines", summary(next));
    if (next.isPaused()) {
      d.put("paused_at", next.pausedAt().toString());
    }
    Future<Void> logged = TicketEventRepository.append(tx, ticket.id(), at, actor, eventAction, ticket.status(),
        ticket.status(), d);
    return Future.all(saved, replanned, logged).mapEmpty();
  }

  /** The ticket ended or left the department: no overdue, no more steps; met marks are kept. */
  public Future<Void> close(SqlConnection tx, Ticket ticket, Instant at) {
    return store.lock(tx, ticket.id()).compose(found -> found.isEmpty()
        ? Future.succeededFuture()
        : store.save(tx, ticket.id(), ticket.departmentId(), found.get(), false, at)
            .compose(v -> steps.cancelAll(tx, ticket.id(), at)));
  }

  public static JsonObject summary(TicketDeadlines d) {
    JsonObject out = new JsonObject();
    d.deadlines().forEach((k, dl) -> out.put(k.name(), new JsonObject()
        .put("span", dl.span().toString())
        .put("due_at", dl.dueAt().toString())
        .put("warn_at", dl.warnAt().toString())
        .put("escalate_at", dl.escalateAt().toString())
        .put("revision", dl.revision())
        .put("met_at", dl.metAt() == null ? null : dl.metAt().toString())));
    return out;
  }
}
