package org.open12345.hotline.handling;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.handling.DispatchNotices.Role;
import org.open12345.hotline.notify.NewMessage;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.ticket.ActionRequest;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketAction;
import org.open12345.hotline.ticket.TicketChangeListener;
import org.open12345.hotline.ticket.TicketStatus;

/**
 * In the changing transaction: whenever a ticket comes into a department's hands (a dispatch or
 * re-dispatch, a reopen, a return ruled back to it, an unmerge that sends it back) the department
 * is told, and the co-departments the dispatch names get their parts and are told too; the lead's
 * reply, or the ticket's end, closes the parts.
 */
final class HandlingListener implements TicketChangeListener {
  private final DispatchNotices notices;
  private final CoDepartments coDepartments;
  private final Outbox outbox;

  HandlingListener(DispatchNotices notices, CoDepartments coDepartments, Outbox outbox) {
    this.notices = notices;
    this.coDepartments = coDepartments;
    this.outbox = outbox;
  }

  @Override
  public Future<Ticket> afterChange(SqlConnection tx, Ticket before, Ticket after, TicketAction action, Actor actor,
      Instant at, ActionRequest request) {
    if (action == TicketAction.CREATE || before == null) {
      return Future.succeededFuture(after);
    }
    // Parts come only from a dispatch, and a ticket still RECEIVED was never dispatched (a merge
    // from RECEIVED and its unmerge lead back to RECEIVED without one): it has no part to close.
    boolean firstDispatch = before.status() == TicketStatus.RECEIVED;
    if (after.status().terminal()) {
      return firstDispatch ? Future.succeededFuture(after)
          : coDepartments.closeAll(tx, after, "ticket_ended", at).map(after);
    }
    return switch (action) {
      case DISPATCH -> dispatched(tx, after, request == null ? List.of() : request.coDepartmentIds(), firstDispatch,
          actor, at);
      // Reopened (重办), or a return ruled back to it (驳回退单): the ticket is the department's again.
      case REOPEN, REJECT_RETURN -> told(tx, List.of(notices.of(after, after.departmentId(), Role.LEAD, at)))
          .map(after);
      case UNMERGE -> after.status() == TicketStatus.DISPATCHED
          ? told(tx, List.of(notices.of(after, after.departmentId(), Role.LEAD, at))).map(after)
          : Future.succeededFuture(after);
      case REPLY -> coDepartments.closeAll(tx, after, "lead_replied", at).map(after);
      default -> Future.succeededFuture(after);
    };
  }

  private Future<Ticket> dispatched(SqlConnection tx, Ticket t, List<String> co, boolean first, Actor actor,
      Instant at) {
    Future<List<String>> assigned = first ? coDepartments.assignFirst(tx, t, co, actor, at)
        : coDepartments.assign(tx, t, co, actor, at);
    return assigned.compose(newlyAssisting -> {
      List<List<NewMessage>> messages = new ArrayList<>();
      messages.add(notices.of(t, t.departmentId(), Role.LEAD, at));
      newlyAssisting.forEach(d -> messages.add(notices.of(t, d, Role.CO, at)));
      return told(tx, messages);
    }).map(t);
  }

  private Future<Void> told(SqlConnection tx, List<List<NewMessage>> messages) {
    List<Future<?>> queued = new ArrayList<>();
    messages.forEach(list -> list.forEach(m -> queued.add(outbox.add(tx, m))));
    return Future.all(queued).mapEmpty();
  }
}
