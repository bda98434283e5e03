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
  private final Map<String, Bucket> buckets = new HashMap<>();

  /**
   * Tokens left and when they were counted. The time stays a long: epoch nanoseconds in a double
   * lose the last bits, so "now - then" could come out negative and a full bucket of capacity 1
   * would refuse its very first request.
   */
  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }

    double tokensAt(long now, double perNano, double capacity) {
      return Math.min(capacity, tokens + Math.max(0, now - at) * perNano);
    }
  }

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
      buckets.values().removeIf(b -> b.tokensAt(now, perNano, capacity) >= capacity);
    }
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
    double tokens = b.tokensAt(now, perNano, capacity);
    b.at = now;
    if (tokens < 1) {
      b.tokens = tokens;
      return false;
    }
    b.tokens = tokens - 1;
    return true;
  }

  /** Gives back a token taken for something that turned out not to count (a copy of a stored complaint). */
  public synchronized void giveBack(String key) {
    if (capacity <= 0 || key == null) {
      return;
    }
    Bucket b = buckets.get(key);
    if (b != null) {
      b.tokens = Math.min(capacity, b.tokens + 1);
    }
  }

  private long nanos() {
    var i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
