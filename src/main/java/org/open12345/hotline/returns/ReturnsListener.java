package org.open12345.hotline.returns;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.function.Supplier;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.deadline.Deadlines;
import org.open12345.hotline.ticket.ActionRequest;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketAction;
import org.open12345.hotline.ticket.TicketChangeListener;
import org.open12345.hotline.ticket.TicketStatus;

/**
 * Keeps the returns in step with the ticket, in its transaction: a RETURN must give a listed
 * reason and a note (else the whole action is refused) and joins the centre's queue with its
 * ruling deadline; whatever moves a ticket out of RETURNED is the ruling on its pending return
 * (DISPATCH re-dispatches, REJECT_RETURN sends it back, STOP and MERGE end it), so the queue never
 * holds a return that was dealt with by another way. Registered after the deadline feature's
 * listener, which has set the ruling deadline by then.
 */
final class ReturnsListener implements TicketChangeListener {
  private final ReturnRepository returns;
  private final Deadlines deadlines;
  private final Supplier<ReturnReasonCatalog> reasons;

  ReturnsListener(ReturnRepository returns, Deadlines deadlines, Supplier<ReturnReasonCatalog> reasons) {
    this.returns = returns;
    this.deadlines = deadlines;
    this.reasons = reasons;
  }

  @Override
  public Future<Ticket> afterChange(SqlConnection tx, Ticket before, Ticket after, TicketAction action, Actor actor,
      Instant at) {
    return afterChange(tx, before, after, action, actor, at, null);
  }

  @Override
  public Future<Ticket> afterChange(SqlConnection tx, Ticket before, Ticket after, TicketAction action, Actor actor,
      Instant at, ActionRequest request) {
    if (action == TicketAction.RETURN) {
      return returned(tx, before, after, actor, at, request);
    }
    String decision = before == null || before.status() != TicketStatus.RETURNED ? null : switch (action) {
      case DISPATCH -> TicketReturn.REDISPATCH;
      case REJECT_RETURN -> TicketReturn.SEND_BACK;
      case STOP -> "stopped";
      case MERGE -> "merged";
      default -> null;
    };
    if (decision == null) {
      return Future.succeededFuture(after);
    }
    return returns.rulePending(tx, after.id(), decision, action == TicketAction.DISPATCH ? after.departmentId() : null,
        actor.id(), request == null ? null : request.note(), at).map(after);
  }

  private Future<Ticket> returned(SqlConnection tx, Ticket before, Ticket after, Actor actor, Instant at,
      ActionRequest request) {
    ReturnReason reason;
    try {
      reason = reasons.get().returnReasons().require(request == null ? null : request.reason(),
          request == null ? null : request.note());
    } catch (RuntimeException refused) {
      return Future.failedFuture(refused);
    }
    return deadlines.rulingDue(tx, after.id())
        .compose(due -> returns.insert(tx, after.id(), before.departmentId(), actor.id(), reason, request.note().trim(),
            at, due.orElse(null)))
        .map(after);
  }
}
