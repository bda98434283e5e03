package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CountdownTest {
  static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

  @Test
  void timeLeftReadsAsTheCentreSaysIt() {
    assertEquals("剩余2小时15分", Countdown.text(NOW.plus(Duration.ofMinutes(135)), NOW));
    assertEquals("剩余3小时", Countdown.text(NOW.plus(Duration.ofHours(3)), NOW));
    assertEquals("剩余45分", Countdown.text(NOW.plus(Duration.ofMinutes(45)).plusSeconds(30), NOW));
    assertEquals("剩余1天3小时", Countdown.text(NOW.plus(Duration.ofHours(27)).plus(Duration.ofMinutes(20)), NOW));
    assertEquals("剩余2天", Countdown.text(NOW.plus(Duration.ofDays(2)), NOW));
    assertEquals("剩余不到1分", Countdown.text(NOW.plusSeconds(59), NOW));
    assertFalse(Countdown.overdue(NOW.plusSeconds(1), NOW));
    assertFalse(Countdown.overdue(NOW, NOW), "due now is not yet late");
  }

  @Test
  void aPassedDeadlineReadsAsOverdue() {
    assertEquals("已超时3小时", Countdown.text(NOW.minus(Duration.ofHours(3)), NOW));
    assertEquals("已超时1天", Countdown.text(NOW.minus(Duration.ofDays(1)).minus(Duration.ofMinutes(5)), NOW));
    assertEquals("已超时10分", Countdown.text(NOW.minus(Duration.ofMinutes(10)), NOW));
    assertTrue(Countdown.overdue(NOW.minusSeconds(1), NOW));
  }
}
