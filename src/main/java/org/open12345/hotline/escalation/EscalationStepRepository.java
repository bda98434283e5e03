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
import org.open12345.hotline.db.DeferredRows;
import org.open12345.hotline.db.ValuePlans;
import org.open12345.hotline.deadline.DeadlineKind;

/**
 * SQL for escalation_steps. Replanning writes the ladder's plan for one ticket; the scheduler
 * claims due rows. A fired row is never touched again: the exactly-once guarantee rests on the
 * unique key plus planned → fired happening in the firing transaction.
 *
 * <p>A ticket's own ladder is planned lazily (issue 15): one planned row, the next step, whose
 * {@code later} holds the rest of the plan ({@link LaterSteps}); firing it plans the first of
 * {@code later} in the firing transaction. A dispatch thus writes one row instead of about ten.
 * Replanning and firing a ticket's ladder exclude each other by a transaction-scoped advisory lock
 * on the ticket ({@link #LOCK_LADDER}): a replan that read which steps fired while a scheduler was
 * planning the follow-up of one would otherwise keep a stale step or lose the rest of the ladder.
 * A 差评 case's steps (plan {@code rating_case:17}) are still one row each.
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

  /** The advisory lock key of a ticket's ladder, as SQL on a ticket id expression. */
  private static final String LADDER_LOCK_KEY = "hashtextextended('escalation-ladder:' || %s, 0)";

  /**
   * Taken (waiting) by a replan or stop of the ticket's own ladder before it reads or writes its
   * steps; the scheduler only tries it and skips the ticket's due step while it is held. Released
   * at the commit.
   */
  private static final String LOCK_LADDER = "SELECT pg_advisory_xact_lock(" + LADDER_LOCK_KEY.formatted("$1::bigint")
      + ")";

  /**
   * The inner SELECT is what the due index serves; SKIP LOCKED lets instances take disjoint rows.
   * The ticket row is key-share locked with the step, skipping a ticket an action holds: the step's
   * event takes that lock anyway (its foreign key), and waiting for it while the action waits for
   * the ladder lock would deadlock. The ladder lock is tried on the subquery's rows only (at most a
   * batch; in the inner WHERE it could be taken for every due row): a step whose ladder is being
   * replanned stays planned, for the round that follows at once. {@code later} is returned as it
   * was before the claim cleared it.
   */
  private static final String CLAIM = """
      UPDATE escalation_steps s SET status = 'fired', fired_at = %1$s, fired_by = $2, later = NULL
      FROM (SELECT e.id, e.ticket_id, e.later FROM escalation_steps e JOIN tickets k ON k.id = e.ticket_id
            WHERE e.status = 'planned' AND e.due_at <= %1$s
            ORDER BY e.due_at LIMIT $1 FOR UPDATE OF e SKIP LOCKED FOR KEY SHARE OF k SKIP LOCKED) due, tickets t
      WHERE s.id = due.id AND t.id = s.ticket_id AND pg_try_advisory_xact_lock(%2$s)
      RETURNING %3$s, s.plan, due.later""";

  private static final String CLAIM_BY_DB_CLOCK = CLAIM.formatted("now()", LADDER_LOCK_KEY.formatted("due.ticket_id"),
      FIRED_COLUMNS);

  private static final String CLAIM_AS_OF = CLAIM.formatted("$3", LADDER_LOCK_KEY.formatted("due.ticket_id"),
      FIRED_COLUMNS);

  /** The keys of the ticket's own steps that fired: a replan never plans them again. */
  private static final String FIRED_KEYS = """
      SELECT key FROM escalation_steps WHERE ticket_id = $1 AND plan IS NULL AND status = 'fired'""";

  /** The ticket's own steps (plan IS NULL); a case's steps about the ticket are left alone. */
  private static final String CANCEL_OUTSIDE_PLAN = """
      UPDATE escalation_steps SET status = 'cancelled', cancelled_at = $3, later = NULL
      WHERE ticket_id = $1 AND plan IS NULL AND status = 'planned' AND NOT (key = ANY($2))""";

  private static final String CANCEL_OUTSIDE_CASE_PLAN = """
      UPDATE escalation_steps SET status = 'cancelled', cancelled_at = $3
      WHERE plan = $1 AND status = 'planned' AND NOT (key = ANY($2))""";

  /**
   * One row per array element, every column an array (so the steps of many tickets can go in one
   * statement, {@link DeferredRows}): audience and channels travel as comma-joined enum names
   * because unnest would flatten an array of arrays; plan is null for the ticket's own steps;
   * later is the JSON text of the steps after this one (null but for a lazy ladder's next step).
   */
  private static final String UPSERT = """
      INSERT INTO escalation_steps (ticket_id, key, deadline_kind, step_kind, level, due_at, deadline_due_at,
                                    department_id, audience, channels, circulate, revision, created_at, plan, later)
      SELECT s.ticket_id, s.key, s.deadline_kind, s.step_kind, s.level, s.due_at, s.deadline_due_at,
             s.department_id, string_to_array(s.audience, ','), string_to_array(s.channels, ','), s.circulate,
             s.revision, s.created_at, s.plan, s.later::jsonb
      FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::int[],
                  $8::timestamptz[], $9::timestamptz[], $10::text[], $11::text[], $12::boolean[], $13::int[],
                  $14::text[], $15::text[])
           AS s(ticket_id, plan, created_at, key, deadline_kind, step_kind, level, due_at, deadline_due_at,
                audience, channels, circulate, revision, department_id, later)
      ON CONFLICT (key) DO UPDATE SET due_at = EXCLUDED.due_at, deadline_due_at = EXCLUDED.deadline_due_at,
        department_id = EXCLUDED.department_id, status = 'planned', cancelled_at = NULL, later = EXCLUDED.later
      WHERE escalation_steps.status <> 'fired'""";

  /**
   * The next steps of lazy ladders, planned by the rounds that fired their predecessors; the keys
   * that came back are the rows planned (a key that already fired is not planned again).
   */
  private static final String PLAN_NEXT = UPSERT + "\nRETURNING key";

  private static final String CANCEL_ALL = """
      UPDATE escalation_steps SET status = 'cancelled', cancelled_at = $2, later = NULL
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
      SELECT key, deadline_kind, step_kind, level, due_at, status, fired_at, revision, later
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
   * Makes the ticket's own ladder follow {@code plan}, lazily: the first of its steps that has not
   * fired becomes the one planned row (inserted, moved to its new time, or re-planned if it was
   * cancelled) carrying the rest; any other planned row of the ticket is cancelled (the deadline
   * was met, moved or paused; or a row planned before the ladder was lazy). Fired steps stay fired
   * and are left out of the plan. Under the ticket's ladder lock, so no round fires one of its
   * steps between the read of what fired and the writes.
   */
  public Future<Void> replan(SqlClient tx, long ticketId, String departmentId, LadderPlan plan, Instant at) {
    return DeferredRows.flushed(tx).compose(flushed -> {
      Future<?> lock = tx.preparedQuery(LOCK_LADDER).execute(Tuple.of(ticketId));
      // Pipelined behind the lock: it runs (and takes its snapshot) once the lock is held.
      Future<RowSet<Row>> fired = tx.preparedQuery(FIRED_KEYS).execute(Tuple.of(ticketId));
      return Future.all(lock, fired).map(v -> {
        Set<String> keys = new java.util.HashSet<>();
        fired.result().forEach(r -> keys.add(r.getString("key")));
        return plan.without(keys);
      });
    }).compose(todo -> {
      String[] keep = todo.steps().isEmpty() ? new String[0] : new String[] {todo.steps().get(0).key()};
      Future<?> cancel = tx.preparedQuery(CANCEL_OUTSIDE_PLAN).execute(Tuple.of(ticketId, keep, odt(at)));
      Object[] columns = lazyColumns(ticketId, departmentId, todo, at);
      if (columns == null) {
        return cancel.mapEmpty();
      }
      // Sent right behind the cancel on the same connection (pipelined); it still runs after it.
      return Future.all(cancel, tx.preparedQuery(UPSERT).execute(Tuple.from(columns)), signal(tx, todo, at))
          .mapEmpty();
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
   * The first plan of a ticket that has no steps yet (its first dispatch): nothing fired, nothing
   * to cancel and no scheduler can see the ticket, so only the insert of {@link #replan}'s one row,
   * without the lock. In a group-commit batch the rows wait for the batch's end and go with the
   * other tickets' in one statement: the ladder's rows were the largest part of PostgreSQL's work
   * per ticket (bench/README.md, "Group commit"), hence one row per ticket.
   */
  public Future<Void> planFirst(SqlClient tx, long ticketId, String departmentId, LadderPlan plan, Instant at) {
    Object[] columns = lazyColumns(ticketId, departmentId, plan, at);
    return columns == null ? Future.succeededFuture()
        : Future.all(DeferredRows.write(tx, UPSERT, columns), signal(tx, plan, at)).mapEmpty();
  }

  /** The one row of a lazy ladder: {@code plan}'s first step carrying the rest; null when it has none. */
  private static Object[] lazyColumns(long ticketId, String departmentId, LadderPlan plan, Instant at) {
    List<PlannedStep> steps = plan.steps();
    if (steps.isEmpty()) {
      return null;
    }
    String later = LaterSteps.encode(steps.subList(1, steps.size()), s -> departmentId);
    return columns(List.of(new StepRow(ticketId, null, steps.get(0), departmentId, later)), at);
  }

  /** One row of {@link #UPSERT}. */
  private record StepRow(long ticketId, String plan, PlannedStep step, String departmentId, String later) {}

  /**
   * All steps of the plan in one statement rather than a batch of one execution per step: a
   * dispatch plans about ten.
   */
  private Future<Void> upsert(SqlClient tx, long ticketId, String planName,
      java.util.function.Function<PlannedStep, String> departmentOf, LadderPlan plan, Instant at) {
    if (plan.steps().isEmpty()) {
      return Future.succeededFuture();
    }
    Object[] columns = columns(plan.steps().stream()
        .map(s -> new StepRow(ticketId, planName, s, departmentOf.apply(s), null)).toList(), at);
    return Future.all(tx.preparedQuery(UPSERT).execute(Tuple.from(columns)), signal(tx, plan, at)).mapEmpty();
  }

  /** The parameters of {@link #UPSERT} for {@code rows} (not empty), planned at {@code at}. */
  private static Object[] columns(List<StepRow> rows, Instant at) {
    int n = rows.size();
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
    String[] laters = new String[n];
    for (int i = 0; i < n; i++) {
      StepRow row = rows.get(i);
      PlannedStep s = row.step();
      ticketIds[i] = row.ticketId();
      plans[i] = row.plan();
      createdAts[i] = odt(at);
      keys[i] = s.key();
      deadlineKinds[i] = s.deadlineKind().name();
      stepKinds[i] = s.stepKind().name();
      levels[i] = s.level();
      dueAts[i] = odt(s.dueAt());
      deadlineDueAts[i] = odt(s.deadlineDueAt());
      audiences[i] = LaterSteps.joined(s.to());
      channels[i] = LaterSteps.joined(s.via());
      circulates[i] = s.circulate();
      revisions[i] = PlannedStep.revisionOf(s.key());
      departments[i] = row.departmentId();
      laters[i] = row.later();
    }
    return new Object[] {
        ticketIds, plans, createdAts, keys, deadlineKinds, stepKinds, levels, dueAts,
        deadlineDueAts, audiences, channels, circulates, revisions, departments, laters};
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

  /**
   * The ticket left the departments' hands (ended, returned): nothing more fires for it. Under the
   * ladder lock: a round firing its step could otherwise plan the next one unseen by the cancel.
   */
  public Future<Void> cancelAll(SqlClient tx, long ticketId, Instant at) {
    return DeferredRows.flushed(tx)
        .compose(flushed -> Future.all(tx.preparedQuery(LOCK_LADDER).execute(Tuple.of(ticketId)),
            tx.preparedQuery(CANCEL_ALL).execute(Tuple.of(ticketId, odt(at)))))
        .mapEmpty();
  }

  /**
   * Claims up to {@code limit} due steps, oldest first, marking them fired by {@code instance}.
   * Due means {@code due_at <= now()} by the database clock, or {@code <= asOf} when given (tests
   * on simulated time). Must run inside the transaction that also writes the steps' events and
   * messages.
   */
  public Future<List<Claimed>> claim(SqlClient tx, int limit, String instance, Instant asOf) {
    Future<RowSet<Row>> rows = asOf == null
        ? tx.preparedQuery(CLAIM_BY_DB_CLOCK).execute(Tuple.of(limit, instance))
        : tx.preparedQuery(CLAIM_AS_OF).execute(Tuple.of(limit, instance, odt(asOf)));
    return rows.map(rs -> {
      List<Claimed> out = new ArrayList<>();
      rs.forEach(r -> out.add(new Claimed(firedStep(r), r.getString("plan"), LaterSteps.decode(r.getValue("later")))));
      // RETURNING has no order; fire (and log) the oldest first.
      out.sort(Comparator.comparing((Claimed c) -> c.step().dueAt()).thenComparingInt(c -> c.step().level()));
      return out;
    });
  }

  /** A claimed step with what its lazy ladder plans next (empty: nothing, or not a lazy ladder). */
  public record Claimed(FiredStep step, String plan, List<LaterSteps.Later> later) {}

  /**
   * Plans the next step of each lazy ladder whose step {@code claimed} fired, carrying the rest, in
   * the claiming transaction (which holds each ticket's ladder lock). A next step whose key already
   * fired (not expected: a replan leaves fired keys out) is passed over for the one after it.
   *
   * @return the steps planned
   */
  public Future<List<PlannedStep>> planNext(SqlClient tx, List<Claimed> claimed) {
    List<StepRow> rows = new ArrayList<>();
    java.util.Map<String, Claimed> tails = new java.util.HashMap<>();
    for (Claimed c : claimed) {
      if (!c.later().isEmpty()) {
        LaterSteps.Later next = c.later().get(0);
        List<LaterSteps.Later> rest = c.later().subList(1, c.later().size());
        rows.add(new StepRow(c.step().ticketId(), c.plan(), next.step(), next.departmentId(),
            LaterSteps.encode(rest.stream().map(LaterSteps.Later::step).toList(),
                departmentOf(rest))));
        tails.put(next.step().key(), new Claimed(c.step(), c.plan(), rest));
      }
    }
    if (rows.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Instant at = claimed.get(0).step().firedAt();
    return tx.preparedQuery(PLAN_NEXT).execute(Tuple.from(columns(rows, at))).compose(rs -> {
      Set<String> planned = new java.util.HashSet<>();
      rs.forEach(r -> planned.add(r.getString("key")));
      List<PlannedStep> out = new ArrayList<>();
      List<Claimed> passedOver = new ArrayList<>();
      for (StepRow r : rows) {
        if (planned.contains(r.step().key())) {
          out.add(r.step());
        } else {
          passedOver.add(tails.get(r.step().key()));
        }
      }
      return passedOver.isEmpty() ? Future.succeededFuture(out) : planNext(tx, passedOver).map(more -> {
        List<PlannedStep> all = new ArrayList<>(out);
        all.addAll(more);
        return all;
      });
    });
  }

  /** The department each of {@code later}'s steps concerns, by key. */
  private static java.util.function.Function<PlannedStep, String> departmentOf(List<LaterSteps.Later> later) {
    java.util.Map<String, String> byKey = new java.util.HashMap<>();
    later.forEach(l -> byKey.put(l.step().key(), l.departmentId()));
    return s -> byKey.get(s.key());
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
      rows.forEach(r -> {
        out.add(new StepStatus(r.getString("key"), DeadlineKind.valueOf(r.getString("deadline_kind")),
            StepKind.valueOf(r.getString("step_kind")), r.getInteger("level"), instant(r, "due_at"),
            r.getString("status"), r.getInteger("revision"), instant(r, "fired_at")));
        // The steps a lazy ladder has not planned as rows yet: planned all the same.
        for (LaterSteps.Later l : LaterSteps.decode(r.getValue("later"))) {
          PlannedStep s = l.step();
          out.add(new StepStatus(s.key(), s.deadlineKind(), s.stepKind(), s.level(), s.dueAt(), "planned",
              PlannedStep.revisionOf(s.key()), null));
        }
      });
      out.sort(Comparator.comparing(StepStatus::dueAt).thenComparingInt(StepStatus::level));
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
