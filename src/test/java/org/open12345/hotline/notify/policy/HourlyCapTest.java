package org.open12345.hotline.notify.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class HourlyCapTest {

  private static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");

  private static Instant minutesAgo(long minutes) {
    return NOW.minus(Duration.ofMinutes(minutes));
  }

  @Test
  void belowTheCapSendsNow() {
    assertEquals(NOW, new HourlyCap(3).nextAllowed(NOW, List.of(minutesAgo(5), minutesAgo(50))));
    assertEquals(NOW, new HourlyCap(3).nextAllowed(NOW, List.of()));
  }

  @Test
  void atTheCapWaitsUntilTheOldestSendInTheHourAgesOut() {
    HourlyCap cap = new HourlyCap(3);
    List<Instant> sends = List.of(minutesAgo(5), minutesAgo(40), minutesAgo(20));
    assertEquals(minutesAgo(40).plus(Duration.ofHours(1)), cap.nextAllowed(NOW, sends));
  }

  @Test
  void overTheCapWaitsForEnoughSendsToAgeOut() {
    HourlyCap cap = new HourlyCap(2);
    List<Instant> sends = List.of(minutesAgo(50), minutesAgo(30), minutesAgo(10), minutesAgo(1));
    // Four in the hour, two allowed: the window must shed 50 and 30 minutes ago, then 10 minutes ago.
    assertEquals(minutesAgo(10).plus(Duration.ofHours(1)), cap.nextAllowed(NOW, sends));
  }

  @Test
  void sendsAnHourOldOrOlderDoNotCount() {
    HourlyCap cap = new HourlyCap(1);
    assertEquals(NOW, cap.nextAllowed(NOW, List.of(minutesAgo(60), minutesAgo(90))));
    assertEquals(minutesAgo(59).plus(Duration.ofHours(1)), cap.nextAllowed(NOW, List.of(minutesAgo(59))));
  }

  @Test
  void zeroMeansNoCap() {
    assertEquals(NOW, new HourlyCap(0).nextAllowed(NOW, List.of(NOW, NOW, NOW)));
  }

  @Test
  void courtesyAppliesTheCapThenQuietHours() {
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    Instant at2150 = LocalDateTime.parse("2026-03-02T21:50").atZone(shanghai).toInstant();
    CitizenSmsCourtesy courtesy = new CitizenSmsCourtesy(
        new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), shanghai), new HourlyCap(1));
    // Allowed now: goes now.
    assertEquals(at2150, courtesy.earliestSend(at2150, List.of()));
    // The cap pushes it to 22:40, inside quiet hours: it waits until 08:00.
    assertEquals(LocalDateTime.parse("2026-03-03T08:00").atZone(shanghai).toInstant(),
        courtesy.earliestSend(at2150, List.of(at2150.minus(Duration.ofMinutes(10)))));
  }
}
