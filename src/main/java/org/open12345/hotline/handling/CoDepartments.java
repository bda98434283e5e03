package org.open12345.hotline.handling;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketEventRepository;
import org.open12345.hotline.ticket.TicketNotFound;
import org.open12345.hotline.ticket.TicketService;

/**
 * 协办: the departments a dispatch names besides the lead each get a part of the ticket; they add
 * notes and their part of the answer (both in the ticket's log, for the lead department that
 * writes the reply); the lead's reply closes every part, a new dispatch closes the parts of
 * departments it no longer names, the ticket's end closes the rest.
 */
public final class CoDepartments {
  private final Pool pool;
  private final TicketService tickets;
  private final CoPartRepository parts;
  private final Clock clock;

  CoDepartments(Pool pool, TicketService tickets, CoPartRepository parts, Clock clock) {
    this.pool = pool;
    this.tickets = tickets;
    this.parts = parts;
    this.clock = clock;
  }

  /**
   * A dispatch round names {@code departments} as co-departments: parts of others close, new ones
   * open. Returns the departments newly assigned (to be told).
   */
  Future<List<String>> assign(SqlConnection tx, Ticket t, List<String> departments, Actor actor, Instant at) {
    Future<List<String>> closed = parts.closeExcept(tx, t.id(), departments, at, "redispatched");
    Future<List<String>> opened = departments.isEmpty() ? Future.succeededFuture(List.of())
        : parts.assign(tx, t.id(), departments, at);
    return Future.all(closed, opened).compose(v -> {
      Future<Void> closedLogged = logged(tx, t, "CO_CLOSED", closed.result(), "redispatched", Actor.SYSTEM, at);
      Future<Void> openedLogged = opened.result().isEmpty() ? Future.succeededFuture()
          : TicketEventRepository.append(tx, t.id(), at, actor, "CO_ASSIGNED", t.status(), t.status(),
              new JsonObject().put("department_ids", new JsonArray(opened.result())));
      return Future.all(closedLogged, openedLogged).map(opened.result());
    });
  }

  /**
   * {@link #assign} for a ticket's first dispatch, which has no part yet: nothing to close, and
   * every department named is new, so the parts and their CO_ASSIGNED event are written without
   * reading anything back (within a group-commit batch, with the other tickets' at its end).
   */
  Future<List<String>> assignFirst(SqlConnection tx, Ticket t, List<String> departments, Actor actor, Instant at) {
    List<String> named = List.copyOf(new LinkedHashSet<>(departments));
    if (named.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return Future.all(parts.assignNew(tx, t.id(), named, at),
            TicketEventRepository.append(tx, t.id(), at, actor, "CO_ASSIGNED", t.status(), t.status(),
                new JsonObject().put("department_ids", new JsonArray(named))))
        .map(named);
  }

  /** Closes every live part (the lead replied, or the ticket ended). */
  Future<Void> closeAll(SqlConnection tx, Ticket t, String reason, Instant at) {
    return parts.closeExcept(tx, t.id(), List.of(), at, reason)
        .compose(closed -> logged(tx, t, "CO_CLOSED", closed, reason, Actor.SYSTEM, at));
  }

  private static Future<Void> logged(SqlConnection tx, Ticket t, String action, List<String> departments,
      String reason, Actor actor, Instant at) {
    if (departments.isEmpty()) {
      return Future.succeededFuture();
    }
    return TicketEventRepository.append(tx, t.id(), at, actor, action, t.status(), t.status(),
        new JsonObject().put("department_ids", new JsonArray(departments)).put("reason", reason));
  }

  /** A co-department's note for the lead department (CO_NOTE in the log). */
  public Future<CoPart> note(String number, Actor actor, String note) {
    return onLivePart(number, actor, (tx, t, part, at) -> TicketEventRepository.append(tx, t.id(), at, actor,
            "CO_NOTE", t.status(), t.status(), new JsonObject().put("department_id", part.departmentId())
                .put("note", note))
        .map(part));
  }

  /** The co-department's part of the answer (CO_ANSWER); once, while its part is open. */
  public Future<CoPart> answer(String number, Actor actor, String answer) {
    return onLivePart(number, actor, (tx, t, part, at) -> {
      if (!part.status().equals("OPEN")) {
        throw CoPartRefused.alreadyAnswered(number, part.departmentId());
      }
      Future<CoPart> answered = parts.answer(tx, part.id(), answer, at, actor.id());
      Future<Void> logged = TicketEventRepository.append(tx, t.id(), at, actor, "CO_ANSWER", t.status(), t.status(),
          new JsonObject().put("department_id", part.departmentId()).put("answer", answer));
      return Future.all(answered, logged).map(v -> answered.result());
    });
  }

  /**
   * The ticket's parts, for centre staff, the departments whose scope covers the ticket, and a
   * department that assists on it now; anyone else is told the ticket does not exist.
   */
  public Future<List<CoPart>> ofTicket(String number, Actor reader) {
    return tickets.find(number).compose(found -> {
      Ticket t = found.orElseThrow(() -> new TicketNotFound(number));
      Future<Boolean> may = reader.sees(t.departmentId()) ? Future.succeededFuture(true)
          : reader.role() == Role.DEPARTMENT ? parts.isLive(pool, t.id(), reader.department())
          : Future.succeededFuture(false);
      return may.compose(yes -> {
        if (!yes) {
          throw new TicketNotFound(number);
        }
        return parts.ofTicket(pool, t.id());
      });
    });
  }

  /** The parts a department assists on now (open or answered, the ticket not yet replied), newest first. */
  public Future<List<CoPart>> liveOf(String departmentId, int limit) {
    return parts.liveOf(pool, departmentId, limit);
  }

  /** Whether the department assists on the ticket now (for access checks: it may read the ticket). */
  public Future<Boolean> assists(long ticketId, String departmentId) {
    return parts.isLive(pool, ticketId, departmentId);
  }

  private interface PartWork {
    Future<CoPart> apply(SqlConnection tx, Ticket t, CoPart part, Instant at);
  }

  private Future<CoPart> onLivePart(String number, Actor actor, PartWork work) {
    if (actor.role() != Role.DEPARTMENT) {
      return Future.failedFuture(CoPartRefused.notADepartment());
    }
    Instant at = clock.instant();
    return pool.withTransaction(tx -> tickets.repository().lockByNumber(tx, number).compose(found -> {
      Ticket t = found.orElseThrow(() -> new TicketNotFound(number));
      return parts.lockLive(tx, t.id(), actor.department()).compose(live -> {
        if (live.isPresent()) {
          return work.apply(tx, t, live.get(), at);
        }
        return parts.latest(tx, t.id(), actor.department()).map(last -> {
          // A department that never assisted learns nothing about the ticket: not found, as elsewhere.
          throw last.<RuntimeException>map(p -> CoPartRefused.closed(number, p.departmentId(), p.closeReason()))
              .orElseGet(() -> new TicketNotFound(number));
        });
      });
    }));
  }
}
