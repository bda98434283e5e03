package org.open12345.hotline.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {

  static final WorkingCalendar CAL = WorkingCalendar.load(Path.of("routing-rules/calendar"));

  @ParameterizedTest(name = "{0} working={1}")
  @CsvSource({
    // 元旦
    "2026-01-01, false",
    "2026-01-02, false",
    "2026-01-03, false",
    "2026-01-04, true", // Sunday worked
    "2026-01-05, true",
    // 春节
    "2026-02-13, true",
    "2026-02-14, true", // Saturday worked
    "2026-02-15, false",
    "2026-02-19, false", // a Thursday inside the holiday
    "2026-02-23, false",
    "2026-02-24, true",
    "2026-02-28, true", // Saturday worked
    "2026-03-01, false", // ordinary Sunday
    "2026-02-21, false",
    // 清明
    "2026-04-03, true",
    "2026-04-06, false", // Monday off
    // 劳动节
    "2026-04-30, true",
    "2026-05-01, false",
    "2026-05-04, false",
    "2026-05-05, false", // Tuesday off
    "2026-05-06, true",
    "2026-05-09, true", // Saturday worked
    "2026-05-10, false",
    // 端午, 中秋
    "2026-06-19, false", // Friday off
    "2026-09-25, false", // Friday off
    // 国庆
    "2026-09-19, false",
    "2026-09-20, true", // Sunday worked
    "2026-10-01, false",
    "2026-10-07, false", // Wednesday off
    "2026-10-08, true",
    "2026-10-10, true", // Saturday worked
    "2026-10-11, false",
    "2026-12-31, true",
  })
  void workingDaysOf2026(LocalDate day, boolean working) {
    assertEquals(working, CAL.isWorkingDay(day), day.toString());
  }

  @Test
  void countsWorkingDaysOverTheYear() {
    // 365 days − 104 weekend days − 19 weekday holidays + 6 worked weekend days = 248.
    assertEquals(248, CAL.workingDaysBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)));
  }

  @Test
  void namesTheHolidayOfADay() {
    assertEquals(Optional.of("春节"), CAL.holidayOn(LocalDate.of(2026, 2, 17)));
    assertEquals(Optional.empty(), CAL.holidayOn(LocalDate.of(2026, 2, 14)));
  }

  @Test
  void missingYearThrowsNamingTheYear() {
    CalendarMissingException e =
        assertThrows(CalendarMissingException.class, () -> CAL.isWorkingDay(LocalDate.of(2027, 1, 4)));
    assertEquals(2027, e.year());
    assertTrue(e.getMessage().contains("routing-rules/calendar/2027.yaml"), e.getMessage());
    assertEquals(
        2025, assertThrows(CalendarMissingException.class, () -> CAL.isWorkingDay(LocalDate.of(2025, 12, 31))).year());
  }

  @Test
  void countingIntoAMissingYearThrows() {
    // 2026-12-25 (Fri): 28, 29, 30, 31 are working days, the 5th would be in 2027.
    assertEquals(LocalDate.of(2026, 12, 31), CAL.nthWorkingDayAfter(LocalDate.of(2026, 12, 25), 4));
    CalendarMissingException e =
        assertThrows(CalendarMissingException.class, () -> CAL.nthWorkingDayAfter(LocalDate.of(2026, 12, 25), 5));
    assertEquals(2027, e.year());
  }

  @Test
  void reportsMissingYearsAndStartupWarnings() {
    assertEquals(List.of(2025, 2027), CAL.missingYears(2025, 2027));
    assertTrue(CAL.covers(2026));
    assertFalse(CAL.covers(2027));
    List<String> warnings = CAL.startupWarnings(LocalDate.of(2026, 11, 27));
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("2027"), warnings.get(0));
    assertEquals(2, CAL.startupWarnings(LocalDate.of(2027, 1, 2)).size());
  }

  @Test
  void nthWorkingDayAroundHolidays() {
    assertEquals(LocalDate.of(2026, 1, 4), CAL.nthWorkingDayAfter(LocalDate.of(2025, 12, 31), 1));
    assertEquals(LocalDate.of(2026, 2, 24), CAL.nthWorkingDayAfter(LocalDate.of(2026, 2, 14), 1));
    assertEquals(LocalDate.of(2026, 5, 9), CAL.nthWorkingDayAfter(LocalDate.of(2026, 5, 8), 1));
    assertEquals(LocalDate.of(2026, 9, 20), CAL.nthWorkingDayAfter(LocalDate.of(2026, 9, 18), 1));
    assertEquals(LocalDate.of(2026, 10, 10), CAL.nthWorkingDayAfter(LocalDate.of(2026, 9, 30), 3));
    assertEquals(LocalDate.of(2026, 2, 14), CAL.nthWorkingDayBefore(LocalDate.of(2026, 2, 24), 1));
    assertEquals(LocalDate.of(2026, 9, 30), CAL.nthWorkingDayBefore(LocalDate.of(2026, 10, 8), 1));
  }
}
