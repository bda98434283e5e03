package org.open12345.hotline.intake.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The complaint limits are one set per process, however many event loops take from them. */
class ComplaintLimitsTest {
  private static final Clock FROZEN = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);

  @Test
  void manyThreadsTakeFromOneBudget() throws Exception {
    ComplaintLimits limits = new ComplaintLimits(new ComplaintSettings(5, 100, 10, 2000, 3), FROZEN);
    ExecutorService loops = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> takes = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String phone = "1380000" + String.format("%04d", i);
        takes.add(() -> {
          try {
            limits.takeSubmission("10.0.0.1", phone);
            return true;
          } catch (RateLimited e) {
            return false;
          }
        });
      }
      int taken = 0;
      for (Future<Boolean> f : loops.invokeAll(takes)) {
        taken += f.get() ? 1 : 0;
      }
      assertEquals(5, taken, "8 threads, one address: exactly the hour's 5 submissions");
    } finally {
      loops.shutdownNow();
    }
  }

  @Test
  void eachLimitNamesItsKey() {
    ComplaintLimits limits = new ComplaintLimits(new ComplaintSettings(1, 1, 1, 2000, 3), FROZEN);
    limits.takeSubmission("10.0.0.2", "13800000001");
    RateLimited ip = assertThrows(RateLimited.class, () -> limits.takeSubmission("10.0.0.2", "13800000002"));
    assertEquals("submissions_per_ip_per_hour", ip.details().get("limit"));
    RateLimited phone = assertThrows(RateLimited.class, () -> limits.takeSubmission("10.0.0.3", "13800000001"));
    assertEquals("submissions_per_phone_per_day", phone.details().get("limit"));
    limits.takeLookup("10.0.0.2");
    RateLimited lookup = assertThrows(RateLimited.class, () -> limits.takeLookup("10.0.0.2"));
    assertEquals(null, lookup.details());
    assertEquals("rate_limited", lookup.code());
  }
}
