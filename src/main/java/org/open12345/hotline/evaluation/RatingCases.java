package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.deadline.CaseDeadlineView;
import org.open12345.hotline.deadline.CaseDeadlines;
import org.open12345.hotline.deadline.CaseDeadlinesChanged;
import org.open12345.hotline.deadline.DeadlineKind;
import org.open12345.hotline.problem.NotFound;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketEventRepository;
import org.open12345.hotline.ticket.TicketService;

/**
 * 差评 follow-up cases (差评核实整改, seed article 34). A counted 差评 opens a case in the
 * transaction that stores it, or joins the ticket's open one; the callback (48 h) and fix (15 d)
 * deadlines go on the escalation ladder ({@link CaseDeadlinesChanged}) and into the ticket's
 * deadline view ({@link CaseDeadlineView}). People then record the callback, the fix or the
 * explanation (the citizen is told by SMS; after a fix, invited to rate again) and close it.
 * {@link RatingCaseLife} decides who may and when. Every step is an event on the ticket.
 */
public final class RatingCases implements CaseDeadlineView {
  private final Pool pool;
  private final RatingCaseRepository cases;
  private final RatingRepository ratings;
  private final TicketService tickets;
  private final RatingPromptService prompts;
  private final RatingCaseClock caseClock;
  private final int minCallAttempts;
  private final Clock clock;
  private volatile CallbackDuty duty = CallbackDuty.centre();
  private volatile CaseDeadlinesChanged ladder = CaseDeadlinesChanged.none();

  public RatingCases(Pool pool, RatingCaseRepository cases, RatingRepository ratings, TicketService tickets,
      RatingPromptService prompts, RatingCaseClock caseClock, int minCallAttempts, Clock clock) {
    this.pool = pool;
    this.cases = cases;
    this.ratings = ratings;
    this.tickets = tickets;
    this.prompts = prompts;
    this.caseClock = caseClock;
    this.minCallAttempts = minCallAttempts;
    this.clock = clock;
  }

  void callbackDuty(CallbackDuty duty) {
    this.duty = duty;
  }

  void ladder(CaseDeadlinesChanged ladder) {
    this.ladder = ladder;
  }

  /**
   * A counted 差评 of {@code ticket} was stored: it opens the ticket's case, or joins the open one
   * (several 差评 on one ticket make one case). In the rating's transaction.
   */
  public Future<Long> onBadRating(SqlConnection tx, Ticket ticket, long ratingId, Instant ratedAt) {
    CallbackBy by = duty.departmentCalls(ticket.departmentId()) ? CallbackBy.DEPARTMENT : CallbackBy.CENTRE;
    var deadlines = caseClock.open(ratedAt);
    return cases.open(tx, ticket.id(), ticket.departmentId(), by, ratedAt, deadlines).compose(opened -> {
      if (opened.isEmpty()) {
        return cases.openOf(tx, ticket.id()).compose(caseId -> ratings.linkCase(tx, ratingId, caseId)
            .compose(v -> event(tx, ticket.id(), ratedAt, Actor.SYSTEM, "RATING_CASE_JOINED",
                new JsonObject().put("case_id", caseId).put("rating_id", ratingId)))
            .map(caseId));
      }
      long caseId = opened.get();
      RatingCase fresh = new RatingCase(caseId, ticket.id(), ticket.departmentId(), RatingCaseStatus.CALLBACK_DUE, by,
          ratedAt, deadlines.get(0).dueAt(), deadlines.get(1).dueAt(), deadlines, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, null, null, null, null, List.of(ratingId));
      return ratings.linkCase(tx, ratingId, caseId)
          .compose(v -> event(tx, ticket.id(), ratedAt, Actor.SYSTEM, "RATING_CASE_OPENED",
              new JsonObject().put("case_id", caseId).put("rating_id", ratingId).put("callback_by", by.name())
                  .put("callback_due", fresh.callbackDueAt().toString()).put("fix_due", fresh.fixDueAt().toString())))
          .compose(v -> ladder.changed(tx, fresh.clocks(), ratedAt))
          .map(caseId);
    });
  }

  /** The callback (回访核实): reached or not, what the citizen said, whether the 差评 is founded. */
  public Future<Numbered<RatingCase>> callback(long id, Actor actor, RatingCaseLife.Callback callback) {
    RatingCaseLife.check(callback, minCallAttempts);
    return act(id, actor, RatingCaseAction.CALLBACK, (tx, c, at) -> {
      RatingCaseStatus next = RatingCaseLife.next(c.status(), RatingCaseAction.CALLBACK, callback.founded());
      return cases.callback(tx, c.id(), next, at, actor.id(), callback,
              RatingCaseClock.meet(c.deadlines(), DeadlineKind.CALLBACK, at))
          .compose(updated -> event(tx, c.ticketId(), at, actor, "RATING_CASE_CALLBACK", new JsonObject()
              .put("case_id", c.id()).put("reached", callback.reached()).put("attempts", callback.attempts())
              .put("citizen_account", callback.citizenAccount()).put("founded", callback.founded())
              .put("note", callback.note()).put("status", next.name())).map(updated));
    });
  }

  /** The fix (整改): what was done; the citizen is told and invited to rate again. */
  public Future<Numbered<RatingCase>> fix(long id, Actor actor, String text) {
    return act(id, actor, RatingCaseAction.FIX, (tx, c, at) -> {
      RatingCaseLife.next(c.status(), RatingCaseAction.FIX, false);
      return ticketOf(tx, c).compose(t -> prompts.reRate(tx, t, c.id(), text))
          .compose(promptId -> cases.fix(tx, c.id(), at, actor.id(), text,
              RatingCaseClock.meet(c.deadlines(), DeadlineKind.FIX, at), promptId)
              .compose(updated -> event(tx, c.ticketId(), at, actor, "RATING_CASE_FIXED", new JsonObject()
                  .put("case_id", c.id()).put("fix", text).put("re_rate_prompt_id", promptId)).map(updated)));
    });
  }

  /** The explanation (解释说明) of a claim without basis, sent to the citizen. */
  public Future<Numbered<RatingCase>> explain(long id, Actor actor, String text) {
    return act(id, actor, RatingCaseAction.EXPLAIN, (tx, c, at) -> {
      RatingCaseLife.next(c.status(), RatingCaseAction.EXPLAIN, false);
      return ticketOf(tx, c).compose(t -> prompts.explained(tx, t, c.id(), text))
          .compose(v -> cases.explain(tx, c.id(), at, actor.id(), text,
              RatingCaseClock.meet(c.deadlines(), DeadlineKind.FIX, at)))
          .compose(updated -> event(tx, c.ticketId(), at, actor, "RATING_CASE_EXPLAINED", new JsonObject()
              .put("case_id", c.id()).put("explanation", text)).map(updated));
    });
  }

  /** A supervisor closes a fixed or explained case. */
  public Future<Numbered<RatingCase>> close(long id, Actor actor, String note) {
    return act(id, actor, RatingCaseAction.CLOSE, (tx, c, at) -> {
      RatingCaseLife.next(c.status(), RatingCaseAction.CLOSE, false);
      return cases.close(tx, c.id(), at, actor.id(), "CONCLUDED", note)
          .compose(updated -> event(tx, c.ticketId(), at, actor, "RATING_CASE_CLOSED", new JsonObject()
              .put("case_id", c.id()).put("reason", "CONCLUDED").put("note", note)).map(updated));
    });
  }

  /**
   * Every 差评 of an open case was appealed away: the case closes, its deadlines stop. In the
   * appeal decision's transaction, which holds the rating's lock.
   */
  Future<Void> closeIfNothingStands(SqlConnection tx, long caseId, Actor actor, Instant at) {
    return cases.lock(tx, caseId).compose(found -> {
      RatingCase c = found.orElseThrow();
      if (!c.status().isOpen()) {
        return Future.succeededFuture();
      }
      return ratings.standingInCase(tx, caseId).compose(standing -> standing > 0 ? Future.succeededFuture()
          : cases.close(tx, caseId, at, actor.id(), "APPEAL_UPHELD", "差评经申诉复核被剔除")
              .compose(closed -> event(tx, c.ticketId(), at, actor, "RATING_CASE_CLOSED", new JsonObject()
                  .put("case_id", caseId).put("reason", "APPEAL_UPHELD"))
                  .compose(v -> ladder.changed(tx, closed.clocks(), at))));
    });
  }

  /** One case; another department's is not found. */
  public Future<Numbered<RatingCase>> find(long id, Actor actor) {
    return cases.find(pool, id).compose(found -> {
      RatingCase c = found.filter(x -> actor.sees(x.departmentId()))
          .orElseThrow(() -> notFound(id));
      return numbered(List.of(c));
    });
  }

  /** Newest first; a department sees its own. */
  public Future<Numbered<RatingCase>> list(RatingCaseStatus status, String departmentId, Actor actor, int page,
      int size) {
    return cases.list(pool, status, departmentId, actor.scope(), size, (long) page * size)
        .compose(this::numbered);
  }

  /**
   * Open cases in these states, the one due soonest first (a desk's work list), one page of them;
   * a department sees its own.
   *
   * @param callbackBy only the cases this side calls back (the centre's 回访 list), or null for both
   */
  public Future<Numbered<RatingCase>> dueFirst(List<RatingCaseStatus> states, CallbackBy callbackBy, Actor actor,
      int page, int size) {
    return cases.dueFirst(pool, states, callbackBy, actor.scope(), size, (long) page * size).compose(this::numbered);
  }

  @Override
  public Future<List<CaseDeadlines>> ofTicket(long ticketId) {
    return cases.ofTicket(pool, ticketId).map(list -> list.stream().map(RatingCase::clocks).toList());
  }

  @FunctionalInterface
  private interface Step {
    Future<RatingCase> apply(SqlConnection tx, RatingCase current, Instant at);
  }

  /**
   * Locks the case, checks who acts (another department's case is not found; a role that may not
   * act is refused), runs the step and replans the case's deadlines, all in one transaction.
   */
  private Future<Numbered<RatingCase>> act(long id, Actor actor, RatingCaseAction action, Step step) {
    Instant at = clock.instant();
    return pool.withTransaction(tx -> cases.lock(tx, id).compose(found -> {
      RatingCase c = found.filter(x -> actor.sees(x.departmentId())).orElseThrow(() -> notFound(id));
      RatingCaseLife.mayAct(action, actor.role(), actor.department(), c.departmentId(), c.callbackBy());
      return step.apply(tx, c, at).compose(updated -> ladder.changed(tx, updated.clocks(), at).map(updated));
    })).compose(updated -> numbered(List.of(updated)));
  }

  private Future<Ticket> ticketOf(SqlConnection tx, RatingCase c) {
    return tickets.repository().findByIds(tx, List.of(c.ticketId())).map(list -> list.get(0));
  }

  private Future<Numbered<RatingCase>> numbered(List<RatingCase> list) {
    List<Long> ids = list.stream().map(RatingCase::ticketId).distinct().toList();
    return tickets.findAll(ids).map(ts -> {
      Map<Long, String> numbers = new HashMap<>();
      ts.forEach(t -> numbers.put(t.id(), t.number()));
      return new Numbered<>(list, numbers);
    });
  }

  private static Future<Void> event(SqlConnection tx, long ticketId, Instant at, Actor actor, String action,
      JsonObject details) {
    return TicketEventRepository.append(tx, ticketId, at, actor, action, null, null, details);
  }

  private static NotFound notFound(long id) {
    return new NotFound("no rating case " + id);
  }
}
