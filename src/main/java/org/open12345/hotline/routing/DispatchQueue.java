package org.open12345.hotline.routing;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketService;

/**
 * The manual dispatch queue (待派单) as a dispatcher works it: tickets no rule routed, the most
 * urgent first, and among them the ones whose text names an emergency at the very top, with the
 * word and the number to advise (an operator- or web-entered 「着火了」 must not wait its turn).
 */
public final class DispatchQueue {
  private final Pool pool;
  private final TicketService tickets;
  private final RoutingRepository repository;

  DispatchQueue(Pool pool, TicketService tickets, RoutingRepository repository) {
    this.pool = pool;
    this.tickets = tickets;
    this.repository = repository;
  }

  public Future<List<QueueEntry>> page(int page, int size) {
    return tickets.dispatchQueue(size, (long) page * size).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(List.of());
      }
      return repository.decisionsOf(pool, found.stream().map(Ticket::id).toList()).map(decisions -> {
        List<QueueEntry> out = new ArrayList<>();
        found.forEach(t -> out.add(new QueueEntry(t, decisions.get(t.id()))));
        // Stable: the queue's own order (urgency, then age) holds among emergencies and the rest.
        out.sort(Comparator.comparing(e -> !e.isEmergency()));
        return out;
      });
    });
  }
}
