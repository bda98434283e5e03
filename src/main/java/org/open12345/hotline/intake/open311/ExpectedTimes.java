package org.open12345.hotline.intake.open311;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a ticket is expected to be resolved: Open311's {@code expected_datetime}, the ticket's
 * resolve-by deadline (办结时限). The deadline feature owns that and implements this; Open311
 * asks here instead of reading the deadline tables.
 */
@FunctionalInterface
public interface ExpectedTimes {
  /** No deadlines known: every {@code expected_datetime} is empty. */
  ExpectedTimes NONE = ticketId -> Future.succeededFuture(Optional.empty());

  /** The ticket's resolve-by time; empty when it has none (not yet routed, or stopped). */
  Future<Optional<Instant>> expectedAt(long ticketId);

  /**
   * The resolve-by times of many tickets (a listing has up to 1000); tickets without one are
   * absent. The default asks one by one; an implementation should answer in one query.
   */
  default Future<Map<Long, Instant>> expectedAt(Collection<Long> ticketIds) {
    List<Long> ids = List.copyOf(ticketIds);
    List<Future<Optional<Instant>>> each = new ArrayList<>(ids.size());
    ids.forEach(id -> each.add(expectedAt(id)));
    return Future.all(each).map(v -> {
      Map<Long, Instant> out = new HashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        Long id = ids.get(i);
        each.get(i).result().ifPresent(at -> out.put(id, at));
      }
      return out;
    });
  }
}
