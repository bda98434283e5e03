package org.open12345.hotline.intake;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.Map;
import java.util.function.Function;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.notify.NewMessage;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.ticket.NewTicket;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketService;

/**
 * A ticket from an intake channel plus its acknowledgement SMS, in the caller's transaction: the
 * citizen is told the number exactly when the ticket exists.
 */
public final class IntakeTickets {
  private final TicketService tickets;
  private final Outbox outbox;
  private final MessageTemplates templates;

  public IntakeTickets(TicketService tickets, Outbox outbox, MessageTemplates templates) {
    this.tickets = tickets;
    this.outbox = outbox;
    this.templates = templates;
  }

  public Future<Ticket> create(SqlConnection tx, NewTicket draft, Actor actor, JsonObject details) {
    return create(tx, draft, actor, details, t -> Future.succeededFuture());
  }

  /**
   * As {@link #create(SqlConnection, NewTicket, Actor, JsonObject)}, plus the channel's own write
   * about the new ticket. Both it and the acknowledgement need only the inserted row (number, id,
   * phone), so they go out alongside routing and deadlines (pipelined) instead of after them.
   */
  public Future<Ticket> create(SqlConnection tx, NewTicket draft, Actor actor, JsonObject details,
      Function<Ticket, Future<?>> alongside) {
    return tickets.create(tx, draft, actor, details, t -> {
      Future<Void> acknowledged = acknowledge(tx, t);
      Future<?> written = alongside.apply(t);
      return Future.all(acknowledged, written);
    });
  }

  private Future<Void> acknowledge(SqlConnection tx, Ticket t) {
    // Open311 and some web callers leave no phone; there is no one to text then.
    if (t.citizenPhone() == null || !t.citizenPhone().matches("\\+?\\d{5,}")) {
      return Future.succeededFuture();
    }
    String text = templates.render("sms/ticket-ack", Map.of("ticketNo", t.number())).text();
    return outbox.enqueue(tx, new NewMessage("ticket-ack", "sms", t.citizenPhone(), null, text, null,
            "ack-sms:" + t.number(), new JsonObject().put("channel", t.channel().name())
                .put("vars", new JsonObject().put("ticketNo", t.number())), t.id(), true))
        .mapEmpty();
  }
}
