package org.open12345.hotline.notify;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.notify.policy.QuietHours;

class CitizenSmsSlotTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  final CitizenSmsSlot slot = new CitizenSmsSlot(new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), SHANGHAI), 3);

  static Instant local(String t) {
    return java.time.LocalDateTime.parse(t).atZone(SHANGHAI).toInstant();
  }

  @Test
  void daytimeWithNothingPlannedGoesNow() {
    Instant now = local("2026-11-27T10:00");
    assertEquals(now, slot.earliest(now, List.of()));
  }

  @Test
  void atNightItWaitsUntilMorning() {
    assertEquals(local("2026-11-28T08:00"), slot.earliest(local("2026-11-27T23:30"), List.of()));
    assertEquals(local("2026-11-28T08:00"), slot.earliest(local("2026-11-28T03:00"), List.of()));
  }

  @Test
  void theHourlyCapPushesTheFourthSmsPastTheHour() {
    Instant now = local("2026-11-27T10:00");
    List<Instant> sent = List.of(now.minusSeconds(600), now.minusSeconds(300), now.minusSeconds(60));
    assertEquals(now.minusSeconds(600).plus(Duration.ofHours(1)), slot.earliest(now, sent));
  }

  /** Messages held overnight must not all leave at 08:00: the cap applies to scheduled ones too. */
  @Test
  void messagesHeldByQuietHoursAreSpreadOutUnderTheCap() {
    Instant night = local("2026-11-27T23:00");
    List<Instant> planned = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      planned.add(slot.earliest(night, planned));
    }
    planned.sort(null);
    for (Instant t : planned) {
      long inHour = planned.stream().filter(p -> !p.isBefore(t) && p.isBefore(t.plus(Duration.ofHours(1)))).count();
      assertTrue(inHour <= 3, "more than 3 SMS in the hour from " + t + ": " + planned);
      assertFalse(t.isBefore(local("2026-11-28T08:00")), "sent in quiet hours: " + t);
    }
  }

  @Test
  void aZeroCapMeansOnlyQuietHoursApply() {
    CitizenSmsSlot uncapped = new CitizenSmsSlot(QuietHours.none(SHANGHAI), 0);
    Instant now = local("2026-11-27T23:00");
    assertEquals(now, uncapped.earliest(now, List.of(now, now, now, now)));
  }

  /** The answer to the citizen's own contact is not held by quiet hours; the courtesy SMS are. */
  @Test
  void quietHoursHoldSomeKindsOnly() {
    assertTrue(slot.atOnce("ticket-ack"));
    assertTrue(slot.atOnce("emergency-advice"));
    assertFalse(slot.atOnce("rating-prompt"));
    assertFalse(slot.atOnce("follow-up-question"));
    assertFalse(slot.atOnce("deadline-extended"));
    CitizenSmsSlot custom = new CitizenSmsSlot(QuietHours.DEFAULT, 5, java.util.Set.of("rating-prompt"));
    assertTrue(custom.atOnce("rating-prompt"));
    assertFalse(custom.atOnce("ticket-ack"));
  }
}
