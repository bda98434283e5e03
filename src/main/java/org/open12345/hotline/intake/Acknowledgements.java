package org.open12345.hotline.intake;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.util.Map;
import org.open12345.hotline.notify.NewMessage;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.ticket.Ticket;

/**
 * A new ticket's query code (查询码) and acknowledgement SMS, in the creating transaction: the
 * code is stored hashed and sent in the SMS with the number, so every citizen who left a phone,
 * whatever the channel, can look the ticket up on the web.
 */
public final class Acknowledgements {
  private final QueryCodeRepository codes;
  private final Outbox outbox;
  private final MessageTemplates templates;
  private final Clock clock;

  public Acknowledgements(QueryCodeRepository codes, Outbox outbox, MessageTemplates templates, Clock clock) {
    this.codes = codes;
    this.outbox = outbox;
    this.templates = templates;
    this.clock = clock;
  }

  /** Gives the ticket a new query code and texts it with the number. */
  public Future<Void> acknowledge(SqlConnection tx, Ticket t) {
    return acknowledge(tx, t, QueryCodes.generate());
  }

  /** @param code a code from {@link QueryCodes#generate()}, which the caller may show the citizen */
  public Future<Void> acknowledge(SqlConnection tx, Ticket t, String code) {
    Future<Void> stored = codes.insert(tx, t.id(), QueryCodes.hash(t.number(), code), clock.instant());
    // Open311 and some web callers leave no phone; there is no one to text then.
    if (t.citizenPhone() == null || !t.citizenPhone().matches("\\+?\\d{5,}")) {
      return stored;
    }
    Map<String, Object> vars = Map.of("ticketNo", t.number(), "queryCode", code);
    String text = templates.render("sms/ticket-ack", vars).text();
    Future<Void> sent = outbox.add(tx, new NewMessage("ticket-ack", "sms", t.citizenPhone(), null, text, null,
        "ack-sms:" + t.number(), new JsonObject().put("channel", t.channel().name()).put("vars", new JsonObject(vars)),
        t.id(), true));
    return Future.all(stored, sent).mapEmpty();
  }
}
