package org.open12345.hotline.notify.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When a failed message is tried again: exponential backoff with full jitter (a uniformly random
 * delay between zero and {@code min(cap, base * 2^(attempt-1))}), so a provider coming back
 * after an outage is not hit by every waiting message in the same second. After
 * {@code maxAttempts} attempts the message is dead (kept for an operator to resend).
 */
public record RetryBackoff(Duration base, Duration cap, int maxAttempts) {

  /** 30 s base, 30 min cap, 20 attempts: on average about 3.5 hours of trying. */
  public static final RetryBackoff DEFAULT = new RetryBackoff(Duration.ofSeconds(30), Duration.ofMinutes(30), 20);

  public RetryBackoff {
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("retry base must be positive: " + base);
    }
    if (cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("retry cap " + cap + " is below the base " + base);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be at least 1: " + maxAttempts);
    }
  }

  /** What to do with a message after a retryable failure. */
  public sealed interface Decision {
    record RetryAt(Instant at) implements Decision {}

    record Dead() implements Decision {}
  }

  /**
   * @param attemptsMade attempts made so far, counting the one that just failed (1 after the
   *     first failure)
   */
  public Decision afterFailure(int attemptsMade, Instant now, RandomGenerator random) {
    if (attemptsMade >= maxAttempts) {
      return new Decision.Dead();
    }
    long ceilingMillis = ceiling(attemptsMade).toMillis();
    long delay = ceilingMillis == 0 ? 0 : random.nextLong(ceilingMillis + 1);
    return new Decision.RetryAt(now.plusMillis(delay));
  }

  /** The largest delay after {@code attemptsMade} attempts; the jittered delay is at most this. */
  public Duration ceiling(int attemptsMade) {
    int doublings = Math.max(0, attemptsMade - 1);
    // Beyond 2^40 any sane base is far past any sane cap; stop before the shift overflows.
    if (doublings >= 40) {
      return cap;
    }
    long millis = base.toMillis();
    long grown = millis > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : millis << doublings;
    return grown >= cap.toMillis() ? cap : Duration.ofMillis(grown);
  }
}
