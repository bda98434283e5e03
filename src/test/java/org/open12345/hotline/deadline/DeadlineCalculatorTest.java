package org.open12345.hotline.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DeadlineCalculatorTest {

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(DeadlineCalculator.CHINA).toInstant();
  }

  /** The default end of a working day: 24:00, held as the day's last microsecond. */
  static Instant endOf(String date) {
    return at(date + "T23:59:59.999999");
  }

  final ManualClock clock = new ManualClock(at("2026-02-12T10:00"));
  final DeadlineCalculator calc = new DeadlineCalculator(WorkingCalendarTest.CAL, clock);
  final Instant received = at("2026-02-12T10:00"); // Thursday before the Spring Festival

  @Test
  void clockSpans() {
    assertEquals(at("2026-02-12T10:30"), calc.add(received, TimeSpan.parse("30m")));
    assertEquals(at("2026-02-13T10:00"), calc.add(received, TimeSpan.parse("24h")));
    // Clock hours run through the holiday.
    assertEquals(at("2026-02-17T10:00"), calc.add(received, TimeSpan.parse("120h")));
  }

  @Test
  void naturalDaysKeepTheClockTime() {
    assertEquals(at("2026-02-19T10:00"), calc.add(received, TimeSpan.parse("7d")));
    assertEquals(at("2026-02-27T10:00"), calc.add(received, TimeSpan.parse("15d")));
  }

  @Test
  void workingDaysCountFromTheDayAfterAndEndAtEndOfDay() {
    assertEquals(endOf("2026-02-13"), calc.add(received, TimeSpan.parse("1wd")));
    assertEquals(endOf("2026-02-14"), calc.add(received, TimeSpan.parse("2wd"))); // worked Saturday
    assertEquals(endOf("2026-02-24"), calc.add(received, TimeSpan.parse("3wd"))); // after 02-15..02-23
    assertEquals(endOf("2026-02-28"), calc.add(received, TimeSpan.parse("7wd"))); // worked Saturday
    assertEquals(endOf("2026-03-11"), calc.add(received, TimeSpan.parse("15wd")));
    // A late-evening receipt changes nothing: the count still starts the next day.
    assertEquals(endOf("2026-02-24"), calc.add(at("2026-02-12T23:59"), TimeSpan.parse("3wd")));
    // Received during the holiday: the first working day after is 02-24.
    assertEquals(endOf("2026-02-24"), calc.add(at("2026-02-18T09:00"), TimeSpan.parse("1wd")));
    // Other 2026 moves: 05-01..05-05 off, 05-09 worked; 09-20 and 10-10 worked, 10-01..10-07 off.
    assertEquals(endOf("2026-05-09"), calc.add(at("2026-04-30T09:00"), TimeSpan.parse("4wd")));
    assertEquals(endOf("2026-10-10"), calc.add(at("2026-09-30T09:00"), TimeSpan.parse("3wd")));
    assertEquals(endOf("2026-09-20"), calc.add(at("2026-09-18T16:00"), TimeSpan.parse("1wd")));
    assertEquals(endOf("2026-01-04"), calc.add(at("2026-01-01T09:00"), TimeSpan.parse("1wd")));
  }

  @Test
  void zeroWorkingDaysMeansTheSameWorkingDay() {
    assertEquals(endOf("2026-02-12"), calc.add(received, TimeSpan.parse("0wd")));
    assertEquals(endOf("2026-02-24"), calc.add(at("2026-02-21T11:00"), TimeSpan.parse("0wd")));
  }

  @Test
  void endOfWorkingDayIsConfigurable() {
    DeadlineCalculator six =
        new DeadlineCalculator(
            WorkingCalendarTest.CAL, clock, DeadlineCalculator.CHINA, DeadlineCalculator.parseEndOfDay("18:00"));
    assertEquals(at("2026-03-11T18:00"), six.add(received, TimeSpan.parse("15wd")));
    // Same-day after closing time rolls to the next working day.
    assertEquals(at("2026-02-13T18:00"), six.add(at("2026-02-12T19:00"), TimeSpan.parse("0wd")));
    assertEquals(DeadlineCalculator.MIDNIGHT_END, DeadlineCalculator.parseEndOfDay("24:00"));
    assertEquals(LocalTime.of(17, 30), DeadlineCalculator.parseEndOfDay("17:30"));
    assertThrows(IllegalArgumentException.class, () -> DeadlineCalculator.parseEndOfDay("6pm"));
  }

  @Test
  void subtractWorkingDaysForWarnings() {
    assertEquals(endOf("2026-03-10"), calc.subtract(endOf("2026-03-11"), TimeSpan.parse("1wd")));
    assertEquals(endOf("2026-02-14"), calc.subtract(endOf("2026-02-24"), TimeSpan.parse("1wd")));
    assertEquals(at("2026-02-13T08:00"), calc.subtract(at("2026-02-13T10:00"), TimeSpan.parse("2h")));
  }

  @Test
  void workingDayArithmeticIntoAMissingYearThrows() {
    assertEquals(endOf("2026-12-31"), calc.add(at("2026-12-25T10:00"), TimeSpan.parse("4wd")));
    assertEquals(
        2027,
        assertThrows(CalendarMissingException.class, () -> calc.add(at("2026-12-25T10:00"), TimeSpan.parse("5wd")))
            .year());
    // Clock and natural-day spans need no calendar.
    assertEquals(at("2027-01-01T10:00"), calc.add(at("2026-12-25T10:00"), TimeSpan.parse("7d")));
  }

  @Test
  void pausedWorkingDaysAreThoseAtWhoseEndTheClockStood() {
    assertEquals(0, calc.workingDaysPaused(at("2026-03-09T10:00"), at("2026-03-09T15:00")));
    assertEquals(2, calc.workingDaysPaused(at("2026-03-09T10:00"), at("2026-03-11T15:00")));
    // Fri 02-13 to Wed 02-25: 02-13, the worked Saturday 02-14 and 02-24.
    assertEquals(3, calc.workingDaysPaused(at("2026-02-13T09:00"), at("2026-02-25T09:00")));
  }

  @Test
  void timeLeftUsesTheInjectedClock() {
    clock.set(at("2026-02-13T09:00"));
    assertEquals(Duration.ofHours(1), calc.timeLeft(at("2026-02-13T10:00")));
  }
}
