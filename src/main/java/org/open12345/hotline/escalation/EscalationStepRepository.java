package org.open12345.hotline.escalation;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.open12345.hotline.db.DeferredRows;
import org.open12345.hotline.db.ValuePlans;
import org.open12345.hotline.deadline.DeadlineKind;

/**
 * SQL for escalation_steps. Replanning writes the ladder's plan for one ticket; the scheduler
 * claims due rows. A fired row is never touched again: the exactly-once guarantee rests on the
 * unique key plus planned → fired happening in the firing transaction.
 */
public final class EscalationStepRepository {

  /** The NOTIFY channel on which a commit that planned a step due soon wakes every scheduler. */
  public static final String DUE_CHANNEL = "escalation_due";

  /**
   * When the next planned step falls due, with the database clock it was read by (the scheduler
   * times its wake-up in that clock). The partial due index serves it: the first live entry.
   */
  private static final String NEXT_DUE = """
      SELECT now() AS now,
             (SELECT due_at FROM escalation_steps WHERE status = 'planned' ORDER BY due_at LIMIT 1) AS next_due""";

  // Delivered only when the planning transaction commits, to every instance that LISTENs.
  private static final String SIGNAL_DUE = "SELECT pg_notify('" + DUE_CHANNEL + "', $1)";

  /** The database clock and the earliest planned due time (null when nothing is planned). */
  public record NextDue(Instant now, Instant dueAt) {}

  /**
   * Plans due before {@code at} plus this are signalled to the schedulers: a scheduler's timer is
   * never set further ahead than its poll interval, so later steps are found by its next look.
   */
  private final java.time.Duration signalHorizon;

  /** @param signalHorizon the schedulers' poll interval (see the field) */
  public EscalationStepRepository(java.time.Duration signalHorizon) {
    this.signalHorizon = signalHorizon;
  }

  /** Columns of a fired step, with the ticket's number and summary for the messages. */
  private static final String FIRED_COLUMNS = """
      s.id, s.ticket_id, s.key, s.deadline_kind, s.step_kind, s.level, s.due_at, s.deadline_due_at,
      s.department_id, s.audience, s.channels, s.circulate, s.revision, s.fired_at, t.number, t.description""";

  // The inner SELECT is what the due index serves; SKIP LOCKED lets instances take disjoint rows.
  private static final String CLAIM_BY_DB_CLOCK = """
      UPDATE escalation_steps s SET status = 'fired', fired_at = now(), fired_by = $2
      FROM (SELECT id FROM escalation_steps WHERE status = 'planned' AND due_at <= now()
            ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED) due, tickets t
      WHERE s.id = due.id AND t.id = s.ticket_id
      RETURNING %s""".formatted(FIRED_COLUMNS);

  private static final String CLAIM_AS_OF = """
      UPDATE escalation_steps s SET status = 'fired', fired_at = $3, fired_by = $2
      FROM (SELECT id FROM escalation_steps WHERE status = 'planned' AND due_at <= $3
            ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED) due, tickets t
      WHERE s.id = due.id AND t.id = s.ticket_id
      RETURNING %s""".formatted(FIRED_COLUMNS);

  /** The ticket's own steps (plan IS NULL); a case's steps about the ticket are left alone. */
  private static final String CANCEL_OUTSIDE_PLAN = """
      UPDATE escalation_steps SET status = 'cancelled', cancelled_at = $3
      WHERE ticket_id = $1 AND plan IS NULL AND status = 'planned' AND NOT (key = ANY($2))""";

  private static final String CANCEL_OUTSIDE_CASE_PLAN = """
      UPDATE escalation_steps SET status = 'cancelled', cancelled_at = $3
      WHERE plan = $1 AND status = 'planned' AND NOT (key = ANY($2))""";

  /**
   * One row per array element, every column an array (so the steps of many tickets can go in one
   * statement, {@link DeferredRows}): audience and channels travel as comma-joined enum names
   * because unnest would flatten an array of arrays; plan is null for the ticket's own steps.
   */
  private static final String UPSERT = """
      INSERT INTO escalation_steps (ticket_id, key, deadline_kind, step_kind, level, due_at, deadline_due_at,
                                    department_id, audience, channels, circulate, revision, created_at, plan)
      SELECT s.ticket_id, s.key, s.deadline_kind, s.step_kind, s.level, s.due_at, s.deadline_due_at,
             s.department_id, string_to_array(s.audience, ','), string_to_array(s.channels, ','), s.circulate,
             s.revision, s.created_at, s.plan
      FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::int[],
                  $8::timestamptz[], $9::timestamptz[], $10::text[], $11::text[], $12::boolean[], $13::int[],
                  $14::text[])
           AS s(ticket_id, plan, created_at, key, deadline_kind, step_kind, level, due_at, deadline_due_at,
                audience, channels, circulate, revision, department_id)
      ON CONFLICT (key) DO UPDATE SET due_at = EXCLUDED.due_at, deadline_due_at = EXCLUDED.deadline_due_at,
        department_id = EXCLUDED.department_id, status = 'planned', cancelled_at = NULL
      WHERE escalation_steps.status <> 'fired'""";

  private static final String CANCEL_ALL = """
      UPDATE escalation_steps SET status = 'cancelled', cancelled_at = $2
      WHERE ticket_id = $1 AND plan IS NULL AND status = 'planned'""";

  /** Absent filters are null; the fired index serves the order. */
  // Planned per call (ValuePlans): a generic plan can use no index of an optional filter.
  private static final String FIRED = ValuePlans.perCall("""
      SELECT %s
      FROM escalation_steps s JOIN tickets t ON t.id = s.ticket_id
      WHERE s.status = 'fired'
        AND ($1::text IS NULL OR s.department_id = $1)
        AND ($7::text[] IS NULL OR s.department_id = ANY($7))
        AND ($2::int[] IS NULL OR s.level = ANY($2))
        AND ($3::timestamptz IS NULL OR s.fired_at >= $3)
        AND ($4::timestamptz IS NULL OR s.fired_at < $4)
      ORDER BY s.fired_at DESC, s.id DESC
      LIMIT $5 OFFSET $6""".formatted(FIRED_COLUMNS));

  private static final String OF_TICKET = """
      SELECT key, deadline_kind, step_kind, level, due_at, status, fired_at, revision
      FROM escalation_steps WHERE ticket_id = $1 ORDER BY due_at, level, id""";

  /** A step of a ticket in any status, for the ticket's deadline view. */
  public record StepStatus(String key, DeadlineKind deadlineKind, StepKind stepKind, int level, Instant dueAt,
      String status, int revision, Instant firedAt) {}

  /** Which fired steps to list; null fields do not filter. {@code to} is exclusive. */
  /** @param scope the caller's departments (a department user's sub-tree), or null for centre staff */
  /** @param levels the ladder levels to list, or null for all */
  public record FiredFilter(String departmentId, java.util.List<Integer> levels, Instant from, Instant to, int limit,
      long offset, java.util.List<String> scope) {}

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
    return DeferredRows.flushed(tx).compose(flushed -> {
      Future<?> cancel = tx.preparedQuery(CANCEL_OUTSIDE_PLAN).execute(Tuple.of(ticketId, keys, odt(at)));
      // Sent right behind the cancel on the same connection (pipelined); it still runs after it.
      return Future.all(cancel, upsert(tx, ticketId, null, s -> departmentId, plan, at)).mapEmpty();
    });
  }

  /**
   * As {@link #replan}, for the steps of a case's deadlines about the ticket (plan
   * {@code rating_case:17}): only that plan's planned steps are cancelled or moved.
   *
   * @param departmentOf the department a step concerns (null when the centre acts)
   */
  public Future<Void> replanCase(SqlClient tx, long ticketId, String planName,
      java.util.function.Function<PlannedStep, String> departmentOf, LadderPlan plan, Instant at) {
    String[] keys = plan.steps().stream().map(PlannedStep::key).toArray(String[]::new);
    return DeferredRows.flushed(tx).compose(flushed -> {
      Future<?> cancel = tx.preparedQuery(CANCEL_OUTSIDE_CASE_PLAN).execute(Tuple.of(planName, keys, odt(at)));
      return Future.all(cancel, upsert(tx, ticketId, planName, departmentOf, plan, at)).mapEmpty();
    });
  }

  /**
   * The first plan of a ticket that has no steps yet (its first dispatch): nothing to cancel, so
   * only the insert of {@link #replan}. In a group-commit batch the rows wait for the batch's end
   * and go with the other tickets' steps in one statement: a ticket's ~10 steps were the largest
   * part of PostgreSQL's work per ticket (bench/README.md, "Group commit").
   */
  public Future<Void> planFirst(SqlClient tx, long ticketId, String departmentId, LadderPlan plan, Instant at) {
    Object[] columns = columns(ticketId, null, s -> departmentId, plan, at);
    return columns == null ? Future.succeededFuture()
        : Future.all(DeferredRows.write(tx, UPSERT, columns), signal(tx, plan, at)).mapEmpty();
  }

  /**
   * All steps of the plan in one statement rather than a batch of one execution per step: a
   * dispatch plans about ten.
   */
  private Future<Void> upsert(SqlClient tx, long ticketId, String planName,
      java.util.function.Function<PlannedStep, String> departmentOf, LadderPlan plan, Instant at) {
    Object[] columns = columns(ticketId, planName, departmentOf, plan, at);
    return columns == null ? Future.succeededFuture()
        : Future.all(tx.preparedQuery(UPSERT).execute(Tuple.from(columns)), signal(tx, plan, at)).mapEmpty();
  }

  /** The parameters of {@link #UPSERT} for {@code plan}'s steps; null when it has none. */
  private static Object[] columns(long ticketId, String planName,
      java.util.function.Function<PlannedStep, String> departmentOf, LadderPlan plan, Instant at) {
    List<PlannedStep> steps = plan.steps();
    if (steps.isEmpty()) {
      return null;
    }
    int n = steps.size();
    Long[] ticketIds = new Long[n];
    String[] plans = new String[n];
    OffsetDateTime[] createdAts = new OffsetDateTime[n];
    String[] keys = new String[n];
    String[] deadlineKinds = new String[n];
    String[] stepKinds = new String[n];
    Integer[] levels = new Integer[n];
    OffsetDateTime[] dueAts = new OffsetDateTime[n];
    OffsetDateTime[] deadlineDueAts = new OffsetDateTime[n];
    String[] audiences = new String[n];
    String[] channels = new String[n];
    Boolean[] circulates = new Boolean[n];
    Integer[] revisions = new Integer[n];
    String[] departments = new String[n];
    for (int i = 0; i < n; i++) {
      PlannedStep s = steps.get(i);
      ticketIds[i] = ticketId;
      plans[i] = planName;
      createdAts[i] = odt(at);
      keys[i] = s.key();
      deadlineKinds[i] = s.deadlineKind().name();
      stepKinds[i] = s.stepKind().name();
      levels[i] = s.level();
      dueAts[i] = odt(s.dueAt());
      deadlineDueAts[i] = odt(s.deadlineDueAt());
      audiences[i] = s.to().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
      channels[i] = s.via().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
      circulates[i] = s.circulate();
      revisions[i] = PlannedStep.revisionOf(s.key());
      departments[i] = departmentOf.apply(s);
    }
    return new Object[] {
        ticketIds, plans, createdAts, keys, deadlineKinds, stepKinds, levels, dueAts,
        deadlineDueAts, audiences, channels, circulates, revisions, departments};
  }

  /**
   * Wakes the schedulers (after the commit: NOTIFY is transactional) when the plan's earliest
   * step is due within their poll interval. Rare (an overdue or short deadline): a NOTIFY
   * serialises commits, so most plans send none.
   */
  private Future<?> signal(SqlClient tx, LadderPlan plan, Instant at) {
    Instant first = plan.nextDueAt().orElse(null);
    if (first == null || !first.isBefore(at.plus(signalHorizon))) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(SIGNAL_DUE).execute(Tuple.of(first.toString()));
  }

  /** The earliest planned step's due time, as of the database clock. */
  public Future<NextDue> nextDue(SqlClient db) {
    return db.preparedQuery(NEXT_DUE).execute().map(rs -> {
      Row r = rs.iterator().next();
      return new NextDue(instant(r, "now"), instant(r, "next_due"));
    });
  }

  /** The ticket left the departments' hands (ended, returned): nothing more fires for it. */
  public Future<Void> cancelAll(SqlClient tx, long ticketId, Instant at) {
    return DeferredRows.flushed(tx)
        .compose(flushed -> tx.preparedQuery(CANCEL_ALL).execute(Tuple.of(ticketId, odt(at))))
        .mapEmpty();
  }

  /**
   * Claims up to {@code limit} due steps, oldest first, marking them fired by {@code instance}.
   * Due means {@code due_at <= now()} by the database clock, or {@code <= asOf} when given (tests
   * on simulated time). Must run inside the transaction that also writes the steps' events and
   * messages.
   */
  public Future<List<FiredStep>> claim(SqlClient tx, int limit, String instance, Instant asOf) {
    Future<RowSet<Row>> rows = asOf == null
        ? tx.preparedQuery(CLAIM_BY_DB_CLOCK).execute(Tuple.of(limit, instance))
        : tx.preparedQuery(CLAIM_AS_OF).execute(Tuple.of(limit, instance, odt(asOf)));
    return rows.map(rs -> {
      List<FiredStep> out = fired(rs);
      // RETURNING has no order; fire (and log) the oldest first.
      out.sort(Comparator.comparing(FiredStep::dueAt).thenComparingInt(FiredStep::level));
      return out;
    });
  }

  /** Fired steps, newest first. */
  public Future<List<FiredStep>> fired(SqlClient db, FiredFilter f) {
    return db.preparedQuery(FIRED)
        .execute(Tuple.from(new Object[] {f.departmentId(),
            f.levels() == null ? null : f.levels().toArray(Integer[]::new), odt(f.from()), odt(f.to()), f.limit(),
            f.offset(), f.scope() == null ? null : f.scope().toArray(String[]::new)}))
        .map(EscalationStepRepository::fired);
  }

  /** Every step of a ticket, whatever its status, by due time. */
  public Future<List<StepStatus>> ofTicket(SqlClient db, long ticketId) {
    return db.preparedQuery(OF_TICKET).execute(Tuple.of(ticketId)).map(rows -> {
      List<StepStatus> out = new ArrayList<>();
      rows.forEach(r -> out.add(new StepStatus(r.getString("key"), DeadlineKind.valueOf(r.getString("deadline_kind")),
          StepKind.valueOf(r.getString("step_kind")), r.getInteger("level"), instant(r, "due_at"),
          r.getString("status"), r.getInteger("revision"), instant(r, "fired_at"))));
      return out;
    });
  }

  private static List<FiredStep> fired(RowSet<Row> rows) {
    List<FiredStep> out = new ArrayList<>();
    rows.forEach(r -> out.add(firedStep(r)));
    return out;
  }

  private static FiredStep firedStep(Row r) {
    Set<Audience> to = EnumSet.noneOf(Audience.class);
    Arrays.stream(r.getArrayOfStrings("audience")).map(Audience::valueOf).forEach(to::add);
    Set<NoticeChannel> via = EnumSet.noneOf(NoticeChannel.class);
    Arrays.stream(r.getArrayOfStrings("channels")).map(NoticeChannel::valueOf).forEach(via::add);
    return new FiredStep(r.getLong("id"), r.getLong("ticket_id"), r.getString("key"),
        DeadlineKind.valueOf(r.getString("deadline_kind")), StepKind.valueOf(r.getString("step_kind")),
        r.getInteger("level"), instant(r, "due_at"), instant(r, "deadline_due_at"), r.getString("department_id"),
        to, via, r.getBoolean("circulate"), r.getInteger("revision"), instant(r, "fired_at"),
        r.getString("number"), r.getString("description"));
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime v = r.getOffsetDateTime(column);
    return v == null ? null : v.toInstant();
  }

  private static OffsetDateTime odt(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }
}
