package org.open12345.hotline.notify.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  private static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
  private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(30), Duration.ofMinutes(10), 6);

  /** Always the top of the requested range: shows the ceiling. */
  private static final RandomGenerator HIGHEST = new RandomGenerator() {
    @Override
    public long nextLong() {
      throw new UnsupportedOperationException();
    }

    @Override
    public long nextLong(long bound) {
      return bound - 1;
    }
  };

  @Test
  void ceilingDoublesFromTheBaseUpToTheCap() {
    assertEquals(Duration.ofSeconds(30), backoff.ceiling(1));
    assertEquals(Duration.ofSeconds(60), backoff.ceiling(2));
    assertEquals(Duration.ofSeconds(120), backoff.ceiling(3));
    assertEquals(Duration.ofSeconds(480), backoff.ceiling(5));
    assertEquals(Duration.ofMinutes(10), backoff.ceiling(6));
    assertEquals(Duration.ofMinutes(10), backoff.ceiling(1000));
  }

  @Test
  void delayIsFullJitterBetweenZeroAndTheCeiling() {
    Random random = new Random(12345);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 2000; i++) {
      var retry = (RetryBackoff.Decision.RetryAt) backoff.afterFailure(3, NOW, random);
      long delay = Duration.between(NOW, retry.at()).toMillis();
      assertTrue(delay >= 0 && delay <= 120_000, "delay " + delay);
      min = Math.min(min, delay);
      max = Math.max(max, delay);
    }
    // Spread over the whole range, not clustered at the ceiling (which plain exponential would do).
    assertTrue(min < 10_000, "min " + min);
    assertTrue(max > 110_000, "max " + max);
    assertEquals(NOW.plusSeconds(120),
        ((RetryBackoff.Decision.RetryAt) backoff.afterFailure(3, NOW, HIGHEST)).at());
  }

  @Test
  void deadAfterMaxAttempts() {
    assertInstanceOf(RetryBackoff.Decision.RetryAt.class, backoff.afterFailure(5, NOW, HIGHEST));
    assertInstanceOf(RetryBackoff.Decision.Dead.class, backoff.afterFailure(6, NOW, HIGHEST));
    assertInstanceOf(RetryBackoff.Decision.Dead.class, backoff.afterFailure(7, NOW, HIGHEST));
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ZERO, Duration.ofMinutes(1), 3));
    assertThrows(IllegalArgumentException.class,
        () -> new RetryBackoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3));
    assertThrows(IllegalArgumentException.class,
        () -> new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0));
  }
}
