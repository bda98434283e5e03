package org.open12345.hotline.escalation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.List;
import org.open12345.hotline.deadline.CaseDeadlines;
import org.open12345.hotline.deadline.CaseDeadlinesChanged;
import org.open12345.hotline.deadline.DeadlinesChanged;
import org.open12345.hotline.deadline.LadderView;
import org.open12345.hotline.deadline.TicketDeadlines;
import org.open12345.hotline.escalation.EscalationStepRepository.FiredFilter;
import org.open12345.hotline.ticket.Ticket;

/**
 * The escalation service: plans a ticket's 催办 → 督办 → 通报 steps whenever its deadlines
 * change (it listens to the deadline feature), and those of the deadlines other features keep
 * about a ticket (a 差评 case's callback and fix); lists fired steps, and shows a ticket's steps in
 * the deadline view.
 */
public final class Escalations implements DeadlinesChanged, CaseDeadlinesChanged, LadderView {
  private final Pool pool;
  private final EscalationStepRepository steps;
  private final EscalationLadder ladder;
  private final EscalationLadder caseLadder;

  public Escalations(Pool pool, EscalationStepRepository steps, EscalationLadder ladder, EscalationLadder caseLadder) {
    this.pool = pool;
    this.steps = steps;
    this.ladder = ladder;
    this.caseLadder = caseLadder;
  }

  /** Replans the ticket's steps from its new deadlines, in the changing transaction. */
  @Override
  public Future<Void> changed(SqlConnection tx, Ticket ticket, TicketDeadlines current, boolean first, Instant at) {
    LadderPlan plan = ladder.plan(current);
    return first
        ? steps.planFirst(tx, ticket.id(), ticket.departmentId(), plan, at)
        : steps.replan(tx, ticket.id(), ticket.departmentId(), plan, at);
  }

  /** Replans the steps of a case's deadlines in the changing transaction; an ended case keeps none. */
  @Override
  public Future<Void> changed(SqlConnection tx, CaseDeadlines current, Instant at) {
    return steps.replanCase(tx, current.ticketId(), current.plan(), s -> current.actingDepartment(s.deadlineKind()),
        caseLadder.planCase(current), at);
  }

  @Override
  public Future<Void> stopped(SqlConnection tx, Ticket ticket, Instant at) {
    return steps.cancelAll(tx, ticket.id(), at);
  }

  @Override
  public Future<JsonArray> stepsOf(long ticketId) {
    return steps.ofTicket(pool, ticketId).map(list -> {
      JsonArray a = new JsonArray();
      list.forEach(s -> a.add(new JsonObject().put("key", s.key())
          .put("deadline", s.deadlineKind().name()).put("step", s.stepKind().name())
          .put("level", s.level()).put("due_at", s.dueAt().toString())
          .put("status", s.status()).put("revision", s.revision())
          .put("fired_at", s.firedAt() == null ? null : s.firedAt().toString())));
      return a;
    });
  }

  /**
   * The levels the configured ladders (the tickets' and the 差评 cases') give this kind of step,
   * lowest first: what a 督办 or 通报 list shows, whatever levels the centre's ladder uses.
   */
  public List<Integer> levels(StepKind kind) {
    return java.util.stream.Stream.concat(ladder.rungs().stream(), caseLadder.rungs().stream())
        .filter(r -> r.step() == kind).map(LadderRung::level).distinct().sorted().toList();
  }

  /** Fired steps, newest first. */
  public Future<List<FiredStep>> fired(FiredFilter filter) {
    return steps.fired(pool, filter);
  }
}
