package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.problem.NotFound;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketEventRepository;
import org.open12345.hotline.ticket.TicketRepository;
import org.open12345.hotline.ticket.TicketStatus;

/**
 * 暂停计时 with approval: the ticket's department asks, with a reason from {@link PauseReason},
 * while it works on the ticket, one pending request at a time; a dispatcher or supervisor approves
 * (the clock stops at the approval, not at the request) or refuses with a reason. Each call is one
 * transaction with its event (PAUSE_REQUESTED, CLOCK_PAUSED, PAUSE_REFUSED).
 */
public final class PauseRequests {
  private static final Set<Role> CENTRE = EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR);
  /** A department is working on the ticket: the states in which its clock runs. */
  private static final Set<TicketStatus> WORKING = EnumSet.of(TicketStatus.DISPATCHED, TicketStatus.SIGNED,
      TicketStatus.REOPENED);

  private final Pool pool;
  private final TicketAccess access;
  private final PauseRequestRepository requests;
  private final Deadlines deadlines;
  private final Clock clock;

  PauseRequests(Pool pool, TicketRepository tickets, PauseRequestRepository requests, Deadlines deadlines,
      Clock clock) {
    this.pool = pool;
    this.access = new TicketAccess(tickets);
    this.requests = requests;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /** The ticket's department asks; nothing stops yet. */
  public Future<PauseRequest> request(String number, Actor actor, PauseReason reason, String note) {
    if (actor.role() != Role.DEPARTMENT) {
      return Future.failedFuture(DeadlineChangeRefused.forbidden("forbidden_action",
          "only the ticket's department asks to pause its clock; the centre pauses it directly"));
    }
    Instant now = clock.instant();
    return pool.withTransaction(tx -> access.lock(tx, number, actor, Set.of(), true)
        .compose(t -> pausable(tx, t).compose(d -> requests.insertPending(tx, t.id(), actor.department(), actor.id(),
                reason, note, now))
            .map(inserted -> inserted.orElseThrow(() -> DeadlineChangeRefused.conflict("pause_pending",
                "ticket " + number + " already has a pending pause request")))
            .compose(req -> TicketEventRepository.append(tx, t.id(), now, actor, "PAUSE_REQUESTED", t.status(),
                t.status(), details(req).put("note", note)).map(req))));
  }

  /** The centre approves: the clock stops now. */
  public Future<PauseRequest> approve(String number, long id, Actor actor, String note) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> pending(tx, number, id, actor).compose(p -> pausable(tx, p.ticket())
        .compose(d -> deadlines.pauseLocked(tx, p.ticket(), actor, now, details(p.request())
            .put("requested_by", p.request().requestedBy()).put("note", note)))
        .compose(paused -> requests.decide(tx, id, "approved", actor.id(), note, now))));
  }

  /** The centre refuses, saying why; the clock runs on. */
  public Future<PauseRequest> refuse(String number, long id, Actor actor, String reason) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> pending(tx, number, id, actor).compose(p ->
        requests.decide(tx, id, "refused", actor.id(), reason, now)
            .compose(req -> TicketEventRepository.append(tx, p.ticket().id(), now, actor, "PAUSE_REFUSED",
                p.ticket().status(), p.ticket().status(),
                new JsonObject().put("pause_request_id", id).put("reason", reason)).map(req))));
  }

  /** Requests waiting for the centre, oldest first. */
  public Future<List<PauseRequest>> pending(int page, int size) {
    return requests.pending(pool, size, (long) page * size);
  }

  /** Every request of a ticket, oldest first (the deadline view lists them). */
  Future<List<PauseRequest>> ofTicket(long ticketId) {
    return requests.ofTicket(pool, ticketId);
  }

  private static JsonObject details(PauseRequest r) {
    return new JsonObject().put("pause_request_id", r.id()).put("reason", r.reason().name())
        .put("reason_label", r.reason().label());
  }

  /** A department works on it and its clock runs: dispatched, not paused. */
  private Future<TicketDeadlines> pausable(SqlConnection tx, Ticket t) {
    if (!WORKING.contains(t.status())) {
      return Future.failedFuture(DeadlineChangeRefused.conflict("wrong_state", "ticket " + t.number() + " is "
          + t.status() + ": only the clock of a ticket a department works on is paused"));
    }
    return deadlines.locked(tx, t).map(d -> {
      if (d.isPaused()) {
        throw DeadlineChangeRefused.conflict("already_paused", "ticket " + t.number() + " is paused since "
            + d.pausedAt());
      }
      return d;
    });
  }

  private record Pending(Ticket ticket, PauseRequest request) {}

  /** Locks the ticket (centre roles only) and its still pending request. */
  private Future<Pending> pending(SqlConnection tx, String number, long id, Actor actor) {
    return access.lock(tx, number, actor, CENTRE, false)
        .compose(t -> requests.lock(tx, id, t.id()).map(found -> {
          PauseRequest r = found.orElseThrow(() -> new NotFound("no pause request " + id + " on ticket " + number));
          if (!r.isPending()) {
            throw DeadlineChangeRefused.conflict("already_decided", "pause request " + id + " is " + r.status());
          }
          return new Pending(t, r);
        }));
  }
}
