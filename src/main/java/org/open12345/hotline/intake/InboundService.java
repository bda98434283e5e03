package org.open12345.hotline.intake;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.open12345.hotline.intake.sms.InboundMessage;
import org.open12345.hotline.intake.sms.InboundMessageRepository;
import org.open12345.hotline.ticket.TicketService;

/**
 * The raw inbound log as operators see it: SMS by outcome (unparsed replies wait here for a
 * person) and payloads refused as malformed, which the webhooks record here.
 */
public final class InboundService {
  private static final int LIST_LIMIT = 200;
  private final Pool pool;
  private final InboundMessageRepository messages;
  private final InboundRejectRepository rejects;
  private final TicketService tickets;

  public InboundService(Pool pool, InboundMessageRepository messages, InboundRejectRepository rejects,
      TicketService tickets) {
    this.pool = pool;
    this.messages = messages;
    this.rejects = rejects;
    this.tickets = tickets;
  }

  /** Inbound SMS, newest first, with the number of the ticket each became or rates. */
  public Future<List<InboundMessage>> messages(String outcome, String phone) {
    return messages.list(pool, outcome, phone, LIST_LIMIT).compose(found -> {
      List<Long> ids = found.stream().map(InboundMessage::ticketId).filter(Objects::nonNull).distinct().toList();
      return tickets.findAll(ids).map(ts -> {
        Map<Long, String> numbers = new HashMap<>();
        ts.forEach(t -> numbers.put(t.id(), t.number()));
        return found.stream().map(m -> m.ticketId() == null ? m : m.withTicketNumber(numbers.get(m.ticketId())))
            .toList();
      });
    });
  }

  public Future<List<InboundReject>> rejects() {
    return rejects.recent(pool, LIST_LIMIT);
  }

  /** Keeps a payload that could not be read; the only thing a malformed delivery writes. */
  public Future<Void> reject(String channel, String provider, PayloadException e, String raw, String remoteIp,
      Instant at) {
    return rejects.insert(pool, channel, provider, e, raw, remoteIp, at);
  }
}
