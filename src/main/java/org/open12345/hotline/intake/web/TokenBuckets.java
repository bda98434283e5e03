package org.open12345.hotline.intake.web;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * In-memory token buckets per key (IP, phone): {@code capacity} tokens refilled evenly over
 * {@code period}. Thread-safe ({@link #tryTake} is synchronized), so one instance serves every
 * event loop of the process; behind several server processes the effective limit multiplies,
 * which is acceptable for spam control. Capacity 0 means no limit.
 */
public final class TokenBuckets {
  private static final int MAX_KEYS = 100_000;
  private final double capacity;
  private final double perNano;
  private final Clock clock;
  private final Map<String, double[]> buckets = new HashMap<>();

  public TokenBuckets(int capacity, Duration period, Clock clock) {
    this.capacity = capacity;
    this.perNano = capacity / (double) period.toNanos();
    this.clock = clock;
  }

  /** Takes a token; false when the key has none left. */
  public synchronized boolean tryTake(String key) {
    if (capacity <= 0 || key == null) {
      return true;
    }
    long now = nanos();
    if (buckets.size() > MAX_KEYS) {
      // Drop refilled buckets: they hold no state a fresh bucket would not.
      buckets.values().removeIf(b -> b[0] + (now - (long) b[1]) * perNano >= capacity);
    }
    double[] b = buckets.computeIfAbsent(key, k -> new double[] {capacity, now});
    double tokens = Math.min(capacity, b[0] + (now - (long) b[1]) * perNano);
    b[1] = now;
    if (tokens < 1) {
      b[0] = tokens;
      return false;
    }
    b[0] = tokens - 1;
    return true;
  }

  private long nanos() {
    var i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
