package org.open12345.hotline.intake;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.ticket.ActionRequest;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketAction;
import org.open12345.hotline.ticket.TicketChangeListener;

/**
 * A ticket an operator or dispatcher records through the API (the caller is on the phone) gets
 * the same acknowledgement as the channels' tickets: a query code and the SMS with number and
 * code. Tickets answered on the spot are not acknowledged: the citizen got the answer and gets the
 * rating prompt. The channels' own tickets (system or citizen) are acknowledged by
 * {@link IntakeTickets}.
 */
final class StaffTicketAcknowledgement implements TicketChangeListener {
  private final Acknowledgements acknowledgements;

  StaffTicketAcknowledgement(Acknowledgements acknowledgements) {
    this.acknowledgements = acknowledgements;
  }

  @Override
  public Future<Ticket> afterChange(SqlConnection tx, Ticket before, Ticket after, TicketAction action, Actor actor,
      Instant at, ActionRequest request) {
    boolean byStaff = actor.role() == Role.OPERATOR || actor.role() == Role.DISPATCHER;
    boolean answeredOnSpot = request != null && request.answer() != null;
    if (action != TicketAction.CREATE || !byStaff || answeredOnSpot) {
      return Future.succeededFuture(after);
    }
    return acknowledgements.acknowledge(tx, after).map(after);
  }
}
