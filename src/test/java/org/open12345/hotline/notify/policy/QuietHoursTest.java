package org.open12345.hotline.notify.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  @Test
  void defaultHoldsCitizenSmsFrom22To08ShanghaiTime() {
    QuietHours quiet = QuietHours.DEFAULT;
    assertEquals(at("2026-03-02T21:59:59"), quiet.allowedFrom(at("2026-03-02T21:59:59")));
    assertEquals(at("2026-03-03T08:00"), quiet.allowedFrom(at("2026-03-02T22:00")));
    assertEquals(at("2026-03-03T08:00"), quiet.allowedFrom(at("2026-03-02T23:45")));
    assertEquals(at("2026-03-03T08:00"), quiet.allowedFrom(at("2026-03-03T03:10")));
    assertEquals(at("2026-03-03T08:00"), quiet.allowedFrom(at("2026-03-03T07:59:59")));
    assertEquals(at("2026-03-03T08:00"), quiet.allowedFrom(at("2026-03-03T08:00")));
    assertEquals(at("2026-03-03T12:00"), quiet.allowedFrom(at("2026-03-03T12:00")));
  }

  @Test
  void theZoneMattersNotTheServerClock() {
    // 15:00 UTC is 23:00 in Shanghai.
    assertTrue(QuietHours.DEFAULT.isQuiet(Instant.parse("2026-03-02T15:00:00Z")));
    assertEquals(Instant.parse("2026-03-03T00:00:00Z"),
        QuietHours.DEFAULT.allowedFrom(Instant.parse("2026-03-02T15:00:00Z")));
  }

  @Test
  void aPeriodWithinOneDayWorksToo() {
    QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), SHANGHAI);
    assertEquals(at("2026-03-02T11:59"), lunch.allowedFrom(at("2026-03-02T11:59")));
    assertEquals(at("2026-03-02T14:00"), lunch.allowedFrom(at("2026-03-02T12:00")));
    assertEquals(at("2026-03-02T14:00"), lunch.allowedFrom(at("2026-03-02T13:30")));
    assertEquals(at("2026-03-02T23:00"), lunch.allowedFrom(at("2026-03-02T23:00")));
  }

  @Test
  void equalStartAndEndMeansNoQuietHours() {
    assertFalse(QuietHours.none(SHANGHAI).isQuiet(at("2026-03-02T23:00")));
  }
}
