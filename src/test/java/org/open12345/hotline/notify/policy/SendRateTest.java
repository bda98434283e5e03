package org.open12345.hotline.notify.policy;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendRateTest {
  final SendRate hundred = new SendRate("sms:aliyun", 100);

  @Test
  void aFullBucketHoldsOneSecondsWorthAndAtLeastOneMessage() {
    assertEquals(100.0, hundred.capacity());
    assertEquals(1.0, new SendRate("mail:smtp", 0.2).capacity());
  }

  @Test
  void theAllowanceIsTheWholeTokensUpToTheBatch() {
    assertEquals(50, hundred.allowance(100, 50));
    assertEquals(7, hundred.allowance(7.9, 50));
    assertEquals(0, hundred.allowance(0.99, 50));
    assertEquals(0, hundred.allowance(-3, 50), "a bucket never lends");
  }

  @Test
  void aHeldBackRelayWaitsForABatchsWorthBetween10msAnd1s() {
    assertEquals(Duration.ofMillis(500), hundred.waitAfter(0, 50));
    assertEquals(Duration.ofMillis(10), hundred.waitAfter(49.9, 50), "never a busy loop");
    assertEquals(Duration.ofSeconds(1), new SendRate("mail:smtp", 0.5).waitAfter(0, 50), "never longer than 1 s");
    assertEquals(Duration.ofMillis(500), new SendRate("webhook", 10).waitAfter(5, 50),
        "a bucket smaller than the batch: until it is full");
  }

  /** Issue 15: at 2,000/s a claim of 100 leaves the relays ten claims a second to make; 500 leaves four. */
  @Test
  void aClaimTakesTheBatchOrAQuarterSecondsWorthAtMost1000() {
    assertEquals(50, hundred.claimSize(50), "25 a quarter second: the batch");
    assertEquals(500, new SendRate("sms:log", 2000).claimSize(100));
    assertEquals(600, new SendRate("sms:log", 2000).claimSize(600), "never less than the batch");
    assertEquals(1000, new SendRate("sms:log", 100_000).claimSize(50), "bounded");
  }

  @Test
  void aRateMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new SendRate("sms:log", 0));
    assertThrows(IllegalArgumentException.class, () -> new SendRate("sms:log", Double.NaN));
  }
}
