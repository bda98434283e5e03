package org.open12345.hotline.intake.voice;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketQuery;
import org.open12345.hotline.ticket.TicketService;

/** The operator's screen pop: what the hotline knows about a caller when the phone rings. */
public final class CallerService {
  private static final int LATEST = 50;

  /** A caller's earlier tickets and calls (newest first) and open callback tasks. */
  public record Caller(String phone, List<Ticket> tickets, List<CallRecord> calls, List<CallbackTask> openTasks) {}

  private final Pool pool;
  private final CallRepository calls;
  private final CallbackTaskRepository tasks;
  private final TicketService tickets;

  public CallerService(Pool pool, CallRepository calls, CallbackTaskRepository tasks, TicketService tickets) {
    this.pool = pool;
    this.calls = calls;
    this.tasks = tasks;
    this.tickets = tickets;
  }

  /** @param phone in the normal form ({@code PhoneNumbers.normalize}) */
  public Future<Caller> caller(String phone) {
    Future<List<Ticket>> earlier = tickets.list(new TicketQuery(null, null, null, null, phone, 0, LATEST, null));
    Future<List<CallRecord>> made = calls.ofCaller(pool, phone, LATEST).compose(this::withTicketNumbers);
    Future<List<CallbackTask>> open = tasks.openFor(pool, phone);
    return Future.all(earlier, made, open).map(v -> new Caller(phone, earlier.result(), made.result(),
        open.result()));
  }

  /**
   * Each call's ticket: the one it became (voicemail), or the first one an operator recorded
   * during it; the lower ticket id when it has both.
   */
  private Future<List<CallRecord>> withTicketNumbers(List<CallRecord> found) {
    List<Long> ids = found.stream().map(CallRecord::ticketId).filter(Objects::nonNull).distinct().toList();
    List<String> callIds = found.stream().map(CallRecord::callId).distinct().toList();
    Future<List<Ticket>> linked = tickets.findAll(ids);
    Future<List<Ticket>> recorded = tickets.ofCalls(callIds);
    return Future.all(linked, recorded).map(v -> {
      Map<Long, Ticket> byId = new HashMap<>();
      linked.result().forEach(t -> byId.put(t.id(), t));
      Map<String, Ticket> byCall = new HashMap<>();
      recorded.result().forEach(t -> byCall.putIfAbsent(t.callId(), t)); // oldest first: keep the first
      return found.stream().map(c -> {
        Ticket a = c.ticketId() == null ? null : byId.get(c.ticketId());
        Ticket b = byCall.get(c.callId());
        Ticket first = a == null ? b : b == null || a.id() <= b.id() ? a : b;
        return first == null ? c : c.withTicketNumber(first.number());
      }).toList();
    });
  }
}
