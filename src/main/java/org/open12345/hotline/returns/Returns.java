package org.open12345.hotline.returns;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.problem.InvalidField;
import org.open12345.hotline.problem.NotFound;
import org.open12345.hotline.ticket.ActionRequest;
import org.open12345.hotline.ticket.TicketAction;
import org.open12345.hotline.ticket.TicketService;

/**
 * The centre's returns: the queue of returns waiting for a ruling, the rulings made, and ruling on
 * one: re-dispatch it to another department (a new round of deadlines there), or send it back to
 * the department that returned it with a note (its clock runs on as if never returned, and the
 * return counts against it). A ruling is a ticket action (DISPATCH or REJECT_RETURN) in the same
 * transaction, so the ticket, its deadlines and the return change together; ruling twice is
 * refused.
 */
public final class Returns {
  private static final Set<Role> CENTRE = EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR);

  private final Pool pool;
  private final ReturnRepository returns;
  private final TicketService tickets;
  private final Clock clock;

  Returns(Pool pool, ReturnRepository returns, TicketService tickets, Clock clock) {
    this.pool = pool;
    this.returns = returns;
    this.tickets = tickets;
    this.clock = clock;
  }

  /** A page of returns as of {@code asOf} (for "overdue" in the answer). */
  public record Page(Instant asOf, List<TicketReturn> items) {}

  /**
   * @param pending true: the queue, the ruling most due first; false: ruled, newest first
   * @param departmentId the department that returned them, or null
   */
  public Future<Page> list(boolean pending, String departmentId, int page, int size) {
    Instant now = clock.instant();
    return returns.list(pool, pending, departmentId, size, (long) page * size).map(items -> new Page(now, items));
  }

  /** What the ruling decides. */
  public enum Decision {
    /** To another department: a new round there. */
    REDISPATCH,
    /** Back to the department that returned it (终审): its clock runs on, the return counts against it. */
    SEND_BACK
  }

  /**
   * @param departmentId the new department of a re-dispatch (required then, and not the one that
   *     returned it)
   * @param note required to send back: what the department must do
   */
  public Future<TicketReturn> rule(long id, Actor actor, Decision decision, String departmentId, String note) {
    if (!CENTRE.contains(actor.role())) {
      return Future.failedFuture(ReturnRefused.forbidden("role " + actor.role() + " may not rule on a return"));
    }
    return pool.withTransaction(tx -> returns.lock(tx, id).compose(found -> {
      TicketReturn r = found.orElseThrow(() -> new NotFound("no return " + id));
      if (!r.isPending()) {
        throw ReturnRefused.alreadyRuled(r);
      }
      TicketAction action = switch (decision) {
        case REDISPATCH -> {
          if (departmentId == null) {
            throw new InvalidField("department_id", "is required to re-dispatch a returned ticket");
          }
          if (departmentId.equals(r.departmentId())) {
            throw new InvalidField("department_id", departmentId + " returned the ticket: rule send_back to make it"
                + " handle it, its clock running on");
          }
          yield TicketAction.DISPATCH;
        }
        case SEND_BACK -> {
          if (note == null || note.isBlank()) {
            throw new InvalidField("note", "sending a return back needs a note for the department");
          }
          yield TicketAction.REJECT_RETURN;
        }
      };
      String to = decision == Decision.REDISPATCH ? departmentId : null;
      return tickets.act(tx, r.ticketNumber(), action, actor, new ActionRequest(note, to, null, null))
          .compose(t -> returns.find(tx, id)).map(ruled -> ruled.orElseThrow());
    }));
  }
}
