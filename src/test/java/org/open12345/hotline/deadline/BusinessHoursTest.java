package org.open12345.hotline.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.open12345.hotline.deadline.DeadlineCalculatorTest.at;

import org.junit.jupiter.api.Test;

class BusinessHoursTest {

  final BusinessHours office = BusinessHours.parse("08:30-12:00, 14:00-17:30");
  final DeadlineCalculator calc = new DeadlineCalculator(WorkingCalendarTest.CAL, new ManualClock(at("2026-02-12T10:00")));

  @Test
  void hoursCountOnlyInOfficeTimeAcrossTheSpringFestival() {
    // Thu 02-12 10:00: 2h until noon, 3.5h in the afternoon.
    assertEquals(at("2026-02-12T15:00"), calc.add(at("2026-02-12T10:00"), TimeSpan.parse("3h"), office));
    assertEquals(at("2026-02-12T17:30"), calc.add(at("2026-02-12T10:00"), TimeSpan.parse("330m"), office));
    // 8 working hours: 5.5h on 02-12, 2.5h on Fri 02-13 from 08:30.
    assertEquals(at("2026-02-13T11:00"), calc.add(at("2026-02-12T10:00"), TimeSpan.parse("8h"), office));
    // Received in the evening before the worked Saturday 02-14; next office time after it is 02-24.
    assertEquals(at("2026-02-14T10:30"), calc.add(at("2026-02-13T19:00"), TimeSpan.parse("2h"), office));
    assertEquals(at("2026-02-24T09:30"), calc.add(at("2026-02-14T17:00"), TimeSpan.parse("90m"), office));
    // Day spans ignore office hours.
    assertEquals(at("2026-02-19T10:00"), calc.add(at("2026-02-12T10:00"), TimeSpan.parse("7d"), office));
  }

  @Test
  void rejectsBadHours() {
    assertThrows(IllegalArgumentException.class, () -> BusinessHours.parse("12:00-08:30"));
    assertThrows(IllegalArgumentException.class, () -> BusinessHours.parse("08:30-12:00, 11:00-17:30"));
    assertThrows(IllegalArgumentException.class, () -> BusinessHours.parse("all day"));
  }
}
