package org.open12345.hotline.escalation;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL for escalation_steps. Replanning writes the ladder's plan for one ticket; the scheduler
 * claims due rows. A fired row is never touched again: the exactly-once guarantee rests on the
 * unique key plus planned → fired happening in the firing transaction.
 */
public final class StepStore {

  /** Columns a claim returns, with the ticket's number and summary for the messages. */
  private static final String CLAIMED = "s.id, s.ticket_id, s.key, s.deadline_kind, s.step_kind, s.level, s.due_at, "
      + "s.deadline_due_at, s.department_id, s.audience, s.channels, s.circulate, s.revision, s.fired_at, "
      + "t.number, t.description";

  // The inner SELECT is what the due index serves; SKIP LOCKED lets instances take disjoint rows.
  private static final String CLAIM_BY_DB_CLOCK = "UPDATE escalation_steps s SET status = 'fired', fired_at = now(), "
      + "fired_by = $2 FROM (SELECT id FROM escalation_steps WHERE status = 'planned' AND due_at <= now() "
      + "ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED) due, tickets t "
      + "WHERE s.id = due.id AND t.id = s.ticket_id RETURNING " + CLAIMED;

  private static final String CLAIM_AS_OF = "UPDATE escalation_steps s SET status = 'fired', fired_at = $3, "
      + "fired_by = $2 FROM (SELECT id FROM escalation_steps WHERE status = 'planned' AND due_at <= $3 "
      + "ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED) due, tickets t "
      + "WHERE s.id = due.id AND t.id = s.ticket_id RETURNING " + CLAIMED;

  /** The claim query as the periodic scheduler runs it, for EXPLAIN in the benchmark. */
  public static String claimSql() {
    return CLAIM_BY_DB_CLOCK;
  }

  /**
   * Makes the stored steps of a ticket match {@code plan}: planned steps no longer in it are
   * cancelled (the deadline was met, moved or paused); steps in it are inserted, or moved to their
   * new time and re-planned if they were cancelled (a resumed pause). Fired steps stay fired.
   */
  public Future<Void> replan(SqlClient tx, long ticketId, String departmentId, LadderPlan plan, Instant at) {
    String[] keys = plan.steps().stream().map(PlannedStep::key).toArray(String[]::new);
    Future<?> cancel = tx.preparedQuery("UPDATE escalation_steps SET status = 'cancelled', cancelled_at = $3 "
            + "WHERE ticket_id = $1 AND status = 'planned' AND NOT (key = ANY($2))")
        .execute(Tuple.of(ticketId, keys, at.atOffset(ZoneOffset.UTC)));
    if (plan.steps().isEmpty()) {
      return cancel.mapEmpty();
    }
    List<Tuple> rows = new ArrayList<>();
    for (PlannedStep s : plan.steps()) {
      rows.add(Tuple.from(new Object[] {
          ticketId, s.key(), s.deadlineKind().name(), s.stepKind().name(), s.level(),
          s.dueAt().atOffset(ZoneOffset.UTC), s.deadlineDueAt().atOffset(ZoneOffset.UTC), departmentId,
          s.to().stream().map(Enum::name).sorted().toArray(String[]::new),
          s.via().stream().map(Enum::name).sorted().toArray(String[]::new),
          s.circulate(), revisionOf(s.key()), at.atOffset(ZoneOffset.UTC)}));
    }
    // Sent right behind the cancel on the same connection (pipelined); it still runs after it.
    Future<?> upsert = tx.preparedQuery(
            "INSERT INTO escalation_steps (ticket_id, key, deadline_kind, step_kind, level, due_at, deadline_due_at, "
                + "department_id, audience, channels, circulate, revision, created_at) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
                + "ON CONFLICT (key) DO UPDATE SET due_at = EXCLUDED.due_at, deadline_due_at = EXCLUDED.deadline_due_at, "
                + "department_id = EXCLUDED.department_id, status = 'planned', cancelled_at = NULL "
                + "WHERE escalation_steps.status <> 'fired'")
        .executeBatch(rows);
    return Future.all(cancel, upsert).mapEmpty();
  }

  /** The ticket left the departments' hands (ended, returned): nothing more fires for it. */
  public Future<Void> cancelAll(SqlClient tx, long ticketId, Instant at) {
    return tx.preparedQuery("UPDATE escalation_steps SET status = 'cancelled', cancelled_at = $2 "
            + "WHERE ticket_id = $1 AND status = 'planned'")
        .execute(Tuple.of(ticketId, at.atOffset(ZoneOffset.UTC)))
        .mapEmpty();
  }

  /**
   * Claims up to {@code limit} due steps, oldest first, marking them fired by {@code instance}.
   * Due means {@code due_at <= now()} by the database clock, or {@code <= asOf} when given (tests
   * on simulated time). Must run inside the transaction that also writes the steps' events and
   * messages.
   */
  public Future<List<FiredStep>> claim(SqlClient tx, int limit, String instance, Instant asOf) {
    Future<io.vertx.sqlclient.RowSet<Row>> rows = asOf == null
        ? tx.preparedQuery(CLAIM_BY_DB_CLOCK).execute(Tuple.of(limit, instance))
        : tx.preparedQuery(CLAIM_AS_OF).execute(Tuple.of(limit, instance, asOf.atOffset(ZoneOffset.UTC)));
    return rows.map(rs -> {
      List<FiredStep> out = new ArrayList<>();
      rs.forEach(r -> out.add(FiredStep.from(r)));
      // RETURNING has no order; fire (and log) the oldest first.
      out.sort(java.util.Comparator.comparing(FiredStep::dueAt).thenComparingInt(FiredStep::level));
      return out;
    });
  }

  private static int revisionOf(String key) {
    int hash = key.lastIndexOf('#');
    return hash < 0 ? 0 : Integer.parseInt(key.substring(hash + 1));
  }
}
