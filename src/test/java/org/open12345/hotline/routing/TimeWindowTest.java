package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeWindowTest {
  private static TimeWindow w(String s) {
    return TimeWindow.parse(s).orElseThrow();
  }

  @Test
  void daytimeAndNight() {
    assertTrue(w("08:00-18:00").contains(8 * 60));
    assertFalse(w("08:00-18:00").contains(18 * 60));
    assertTrue(w("22:00-06:00").contains(0));
    assertFalse(w("22:00-06:00").contains(12 * 60));
    assertTrue(w("18:00-24:00").contains(23 * 60 + 59));
  }

  @Test
  void rejectsMalformedAndEmpty() {
    assertTrue(TimeWindow.parse("8-18").isEmpty());
    assertTrue(TimeWindow.parse("08:00-08:00").isEmpty());
    assertTrue(TimeWindow.parse("25:00-06:00").isEmpty());
  }

  @Test
  void coverage() {
    assertTrue(w("20:00-08:00").covers(w("22:00-06:00")));
    assertFalse(w("22:00-06:00").covers(w("20:00-08:00")));
    assertFalse(w("08:00-18:00").covers(w("22:00-06:00")));
    assertTrue(w("00:00-24:00".replace("24:00", "23:59")).covers(w("01:00-02:00")));
  }
}
