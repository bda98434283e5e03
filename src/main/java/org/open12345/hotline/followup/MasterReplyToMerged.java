package org.open12345.hotline.followup;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.notify.NewMessage;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.ticket.ActionRequest;
import org.open12345.hotline.ticket.PhoneNumbers;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketAction;
import org.open12345.hotline.ticket.TicketChangeListener;
import org.open12345.hotline.ticket.TicketEventRepository;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.ticket.TicketStatus;

/**
 * 并案: when the department replies to a master ticket, every citizen of a ticket merged into it
 * gets the reply by SMS, and the merged ticket's log shows it (MASTER_REPLIED), in the replying
 * transaction. Each caller about the burst main hears the answer, not only the first.
 */
final class MasterReplyToMerged implements TicketChangeListener {
  /** A long reply is cut in the SMS (the whole text is in the merged ticket's log). */
  private static final int SMS_REPLY_CHARS = 300;
  private final TicketService tickets;
  private final Outbox outbox;
  private final MessageTemplates templates;

  MasterReplyToMerged(TicketService tickets, Outbox outbox, MessageTemplates templates) {
    this.tickets = tickets;
    this.outbox = outbox;
    this.templates = templates;
  }

  @Override
  public Future<Ticket> afterChange(SqlConnection tx, Ticket before, Ticket after, TicketAction action, Actor actor,
      Instant at, ActionRequest request) {
    if (action != TicketAction.REPLY) {
      return Future.succeededFuture(after);
    }
    String reply = request == null || request.note() == null ? "承办单位已办理答复" : request.note();
    return tickets.lockMergedInto(tx, after).compose(merged -> {
      List<Future<?>> writes = new ArrayList<>();
      for (Ticket m : merged) {
        if (m.status() != TicketStatus.MERGED) {
          continue;
        }
        JsonObject details = new JsonObject().put("master_number", after.number()).put("reply", reply);
        if (PhoneNumbers.isMainlandMobile(m.citizenPhone())) {
          String shown = reply.length() <= SMS_REPLY_CHARS ? reply : reply.substring(0, SMS_REPLY_CHARS) + "…";
          Map<String, Object> vars = Map.of("ticketNo", m.number(), "masterNo", after.number(), "reply", shown);
          String text = templates.render("sms/merged-reply", vars).text();
          // One reply SMS per merged ticket and master reply event: the key names both.
          writes.add(outbox.enqueue(tx, new NewMessage("merged-reply", "sms", m.citizenPhone(), null, text, null,
              "merged-reply:" + m.number() + ":" + after.number() + ":" + at.toEpochMilli(),
              new JsonObject().put("vars", new JsonObject(vars)), m.id(), true)));
          details.put("sms", true);
        } else {
          details.put("sms", false);
        }
        writes.add(TicketEventRepository.append(tx, m.id(), at, actor, "MASTER_REPLIED", m.status(), m.status(),
            details));
      }
      return Future.all(writes).map(after);
    });
  }
}
