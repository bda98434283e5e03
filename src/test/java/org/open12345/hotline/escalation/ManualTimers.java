package org.open12345.hotline.escalation;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.open12345.hotline.deadline.ManualClock;

/**
 * Timers on simulated time: each goes off when the test moves the clock past it and calls
 * {@link #fireDue}, on the context that set it, as a Vert.x timer would. No sleeping.
 */
final class ManualTimers implements EscalationScheduler.Timers {
  private record Pending(Instant at, Runnable action, Context context) {}

  private final ManualClock clock;
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  ManualTimers(ManualClock clock) {
    this.clock = clock;
  }

  @Override
  public long set(Duration delay, Runnable action) {
    long id = ids.incrementAndGet();
    pending.put(id, new Pending(clock.instant().plus(delay), action, Vertx.currentContext()));
    return id;
  }

  @Override
  public void cancel(long id) {
    pending.remove(id);
  }

  /** When the earliest pending timer goes off. */
  Optional<Instant> next() {
    return pending.values().stream().map(Pending::at).min(Instant::compareTo);
  }

  /** Sets off every timer due by the clock; returns how many. */
  int fireDue() {
    int n = 0;
    for (var e : pending.entrySet()) {
      Pending p = e.getValue();
      if (!p.at().isAfter(clock.instant()) && pending.remove(e.getKey(), p)) {
        p.context().runOnContext(v -> p.action().run());
        n++;
      }
    }
    return n;
  }
}
