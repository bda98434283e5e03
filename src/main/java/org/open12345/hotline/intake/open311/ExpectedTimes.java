package org.open12345.hotline.intake.open311;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * When tickets are expected to be resolved: Open311's {@code expected_datetime}, each ticket's
 * resolve-by deadline (办结时限). The deadline feature owns those; Open311 asks here instead of
 * reading the deadline tables.
 *
 * <p>The deadline package cannot implement this interface itself (deadline → intake → routing →
 * deadline would be a cycle), so {@code app/} wires a method of the deadline feature to it:
 * {@code ExpectedTimes expected = deadlines::resolveByOf}.
 */
@FunctionalInterface
public interface ExpectedTimes {
  /** No deadlines known: every {@code expected_datetime} is empty. */
  ExpectedTimes NONE = ticketIds -> Future.succeededFuture(Map.of());

  /**
   * The resolve-by times of these tickets (a listing has up to 1000, so one query, not one per
   * ticket); tickets without one (not yet routed, stopped) are absent.
   */
  Future<Map<Long, Instant>> expectedAt(Collection<Long> ticketIds);

  default Future<Optional<Instant>> expectedAt(long ticketId) {
    return expectedAt(List.of(ticketId)).map(m -> Optional.ofNullable(m.get(ticketId)));
  }

  /** Adapts a one-ticket lookup; each ticket costs a query, so only for few tickets or interim wiring. */
  static ExpectedTimes eachOf(LongFunction<Future<Optional<Instant>>> one) {
    return ticketIds -> {
      List<Long> ids = List.copyOf(ticketIds);
      List<Future<Optional<Instant>>> each = new ArrayList<>(ids.size());
      ids.forEach(id -> each.add(one.apply(id)));
      return Future.all(each).map(v -> {
        Map<Long, Instant> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
          Long id = ids.get(i);
          each.get(i).result().ifPresent(at -> out.put(id, at));
        }
        return out;
      });
    };
  }
}
