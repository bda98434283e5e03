package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.deadline.DeadlineRepository.OverdueTicket;
import org.open12345.hotline.problem.NotFound;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketRepository;

/**
 * The deadline service: what a ticket's deadlines are (with its ladder steps and extension
 * requests), which tickets are overdue, and pausing and resuming a ticket's clock.
 */
public final class Deadlines {
  private static final Set<Role> CENTRE = EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR);

  private final Pool pool;
  private final TicketRepository tickets;
  private final TicketAccess access;
  private final DeadlineUpdates updates;
  private final ExtensionRepository extensions;
  private final PauseRequestRepository pauses;
  private final TicketDeadlineRules rules;
  private final Clock clock;
  private volatile LadderView ladder = LadderView.none();
  private volatile CaseDeadlineView cases = CaseDeadlineView.none();

  Deadlines(Pool pool, TicketRepository tickets, DeadlineUpdates updates, ExtensionRepository extensions,
      PauseRequestRepository pauses,
      TicketDeadlineRules rules, Clock clock) {
    this.pool = pool;
    this.tickets = tickets;
    this.access = new TicketAccess(tickets);
    this.updates = updates;
    this.extensions = extensions;
    this.pauses = pauses;
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * The resolve-by time (办结时限) of each of these tickets that has one, in one query: what other
   * features show as "expected" (Open311's expected_datetime).
   */
  public Future<Map<Long, Instant>> resolveByOf(java.util.Collection<Long> ticketIds) {
    return updates.repository().resolveBy(pool, ticketIds);
  }

  /**
   * The earliest running deadline of each of these tickets (what a queue counts down to), in one
   * query; a ticket without one (not dispatched, paused, done) is absent.
   */
  public Future<Map<Long, Instant>> openDueOf(java.util.Collection<Long> ticketIds) {
    return ticketIds.isEmpty() ? Future.succeededFuture(Map.of()) : updates.repository().openDue(pool, ticketIds);
  }

  /**
   * When the centre must rule on the ticket's pending return (its open RULING deadline), read in
   * the caller's transaction; empty when none runs.
   */
  public Future<Optional<Instant>> rulingDue(SqlClient db, long ticketId) {
    return updates.repository().find(db, ticketId).map(found -> found
        .flatMap(d -> d.get(DeadlineKind.RULING)).filter(r -> !r.isMet()).map(Deadline::dueAt));
  }

  void showSteps(LadderView ladder) {
    this.ladder = ladder;
  }

  void showCases(CaseDeadlineView cases) {
    this.cases = cases;
  }

  /**
   * A ticket's deadlines as of now.
   *
   * @param deadlines null when the ticket was never dispatched
   * @param timeLeft per open deadline, negative when overdue (see {@link TicketDeadlineRules#timeLeft})
   * @param cases deadlines other features keep about the ticket (a 差评 case's callback and fix)
   */
  public record TicketView(Ticket ticket, TicketDeadlines deadlines, Map<DeadlineKind, Duration> timeLeft,
      Instant now, JsonArray steps, List<Extension> extensions, List<PauseRequest> pauseRequests,
      List<CaseDeadlines> cases) {}

  /** A pause or resume: the ticket's number and its deadlines after the change. */
  public record ClockChange(String number, TicketDeadlines deadlines) {}

  /** @param scope the caller's departments, or null for centre staff (another department's ticket: not found) */
  public Future<TicketView> view(String number, List<String> scope) {
    return tickets.findByNumber(pool, number, scope).compose(found -> {
      Ticket t = found.orElseThrow(() -> new NotFound("no ticket " + number));
      return updates.repository().find(pool, t.id()).compose(d -> ladder.stepsOf(t.id())
          .compose(steps -> extensions.ofTicket(pool, t.id())
              .compose(ext -> pauses.ofTicket(pool, t.id())
                  .compose(ps -> cases.ofTicket(t.id())
                      .map(c -> new TicketView(t, d.orElse(null), d.map(rules::timeLeft).orElse(Map.of()),
                          clock.instant(), steps, ext, ps, c))))));
    });
  }

  /** One page of the overdue list, as of {@code asOf}. */
  public record Overdue(Instant asOf, List<OverdueTicket> tickets) {}

  /**
   * @param departmentId null = every department
   * @param scope the caller's departments, or null for centre staff
   */
  public Future<Overdue> overdue(String departmentId, List<String> scope, int page, int size) {
    Instant now = clock.instant();
    return updates.repository().overdue(pool, now, departmentId, scope, size, (long) page * size)
        .map(list -> new Overdue(now, list));
  }

  /**
   * Stops the ticket's clock by the centre's own decision (a department asks instead:
   * {@link PauseRequests}). Writes a CLOCK_PAUSED event with the reason.
   *
   * @param note free text for the log, or null
   */
  public Future<ClockChange> pause(String number, Actor actor, PauseReason reason, String note) {
    if (actor.role() == Role.DEPARTMENT) {
      return Future.failedFuture(DeadlineChangeRefused.forbidden("pause_needs_approval",
          "a department asks the centre to pause the clock: POST /api/tickets/" + number + "/pause-requests"));
    }
    JsonObject details = note(note).put("reason", reason.name()).put("reason_label", reason.label());
    Instant now = clock.instant();
    return pool.withTransaction(tx -> access.lock(tx, number, actor, CENTRE, false)
        .compose(t -> pauseLocked(tx, t, actor, now, details).map(next -> new ClockChange(t.number(), next))));
  }

  /**
   * Restarts the ticket's clock, moving the held deadlines (CLOCK_RESUMED event): the centre, or
   * the ticket's own department (it has what it waited for).
   */
  public Future<ClockChange> resume(String number, Actor actor, String note) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> access.lock(tx, number, actor, CENTRE, true)
        .compose(t -> locked(tx, t).compose(d -> {
          TicketDeadlines next;
          try {
            next = rules.resume(d, now);
          } catch (IllegalStateException | IllegalArgumentException e) {
            throw DeadlineChangeRefused.conflict("not_paused", e.getMessage());
          }
          return updates.apply(tx, t, next, "CLOCK_RESUMED", actor, now, note(note))
              .map(v -> new ClockChange(t.number(), next));
        })));
  }

  private static JsonObject note(String note) {
    JsonObject details = new JsonObject();
    if (note != null) {
      details.put("note", note);
    }
    return details;
  }

  /**
   * Stops the clock of a ticket this transaction holds, now (a centre's pause, or its approval of
   * a department's request): CLOCK_PAUSED with {@code details}.
   */
  Future<TicketDeadlines> pauseLocked(SqlConnection tx, Ticket t, Actor actor, Instant now, JsonObject details) {
    return locked(tx, t).compose(d -> {
      TicketDeadlines next;
      try {
        next = rules.pause(d, now);
      } catch (IllegalStateException e) {
        throw DeadlineChangeRefused.conflict("already_paused", e.getMessage());
      }
      return updates.apply(tx, t, next, "CLOCK_PAUSED", actor, now, details).map(next);
    });
  }

  /** The ticket's deadlines, locked; refused when it was never dispatched. */
  Future<TicketDeadlines> locked(SqlConnection tx, Ticket t) {
    return updates.repository().lock(tx, t.id()).map(found -> found.orElseThrow(() -> DeadlineChangeRefused
        .conflict("no_deadlines", "ticket " + t.number() + " has no deadlines (not dispatched)")));
  }
}
