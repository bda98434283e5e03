package org.open12345.hotline.intake.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.ManualClock;

class TokenBucketsTest {
  // An instant whose epoch nanoseconds a double cannot hold exactly (the bug this guards against).
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-30T10:15:30.123456896Z"), ZoneOffset.UTC);

  @Test
  void aBucketOfOneGrantsTheFirstRequestAndRefusesTheSecond() {
    TokenBuckets buckets = new TokenBuckets(1, Duration.ofHours(1), NOW);
    assertTrue(buckets.tryTake("10.0.0.1"));
    assertFalse(buckets.tryTake("10.0.0.1"));
    assertTrue(buckets.tryTake("10.0.0.2"), "another key has its own bucket");
  }

  @Test
  void tokensComeBackOverThePeriod() {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-30T10:15:30.123456896Z"));
    TokenBuckets buckets = new TokenBuckets(2, Duration.ofHours(1), clock);
    assertTrue(buckets.tryTake("k"));
    assertTrue(buckets.tryTake("k"));
    assertFalse(buckets.tryTake("k"));
    clock.advance(Duration.ofMinutes(29));
    assertFalse(buckets.tryTake("k"), "29/30 of a token after 29 of the 30 minutes one token takes");
    clock.advance(Duration.ofMinutes(2));
    assertTrue(buckets.tryTake("k"));
    assertFalse(buckets.tryTake("k"));
  }
}
