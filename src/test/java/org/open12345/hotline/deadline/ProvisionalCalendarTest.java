package org.open12345.hotline.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.open12345.hotline.deadline.DeadlineCalculatorTest.at;
import static org.open12345.hotline.deadline.DeadlineCalculatorTest.endOf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A year without a holiday file counts on the statutory days off (2024 revision), weekends off, no
 * 调休; deadlines counted on it say so and are counted again once the file arrives.
 */
class ProvisionalCalendarTest {
  static final WorkingCalendar STRICT = WorkingCalendarTest.CAL;
  static final WorkingCalendar PROVISIONAL = STRICT.withProvisionalYears();

  static List<LocalDate> daysOff(int year) {
    List<LocalDate> out = new ArrayList<>();
    for (Holiday h : StatutoryHolidays.of(year).holidays()) {
      for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
        out.add(d);
      }
    }
    return out;
  }

  static List<LocalDate> dates(String... iso) {
    return java.util.Arrays.stream(iso).map(LocalDate::parse).toList();
  }

  @Test
  void the2024RevisionGivesElevenStatutoryDays() {
    // 2027: 除夕 02-05, 清明 04-05, 端午 06-09, 中秋 09-15 (computed, not from a table of ours).
    assertEquals(dates("2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-04-05",
        "2027-05-01", "2027-05-02", "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-02", "2027-10-03"),
        daysOff(2027));
    assertEquals(List.of("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"),
        StatutoryHolidays.of(2027).holidays().stream().map(Holiday::name).toList());
    assertTrue(StatutoryHolidays.of(2027).holidays().stream().allMatch(h -> h.worked().isEmpty()), "never 调休");
    // 2025, the first year of the revision: 除夕 01-28, 清明 04-04, 端午 05-31, 中秋 10-06.
    assertEquals(dates("2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-04-04",
        "2025-05-01", "2025-05-02", "2025-05-31", "2025-10-06", "2025-10-01", "2025-10-02", "2025-10-03").stream()
        .sorted().toList(), daysOff(2025).stream().sorted().toList());
  }

  @Test
  void beforeTheRevisionSpringFestivalHadThreeDaysAndLabourDayOne() {
    List<LocalDate> off = daysOff(2024);
    assertEquals(11, off.size(), off.toString());
    assertFalse(off.contains(LocalDate.of(2024, 2, 9)), "除夕 was not a statutory day before 2025");
    assertTrue(off.containsAll(dates("2024-02-10", "2024-02-12", "2024-05-01", "2024-04-04")));
    assertFalse(off.contains(LocalDate.of(2024, 5, 2)));
  }

  @Test
  void everyStatutoryDayOf2026IsOffInTheOfficialSchedule() {
    for (LocalDate d : daysOff(2026)) {
      assertFalse(STRICT.isWorkingDay(d), d + " is statutory but a working day in 2026.yaml");
    }
    assertEquals(13, daysOff(2026).size());
  }

  @Test
  void aMissingYearIsCountedProvisionallyOnlyWhenAskedFor() {
    assertThrows(CalendarMissingException.class, () -> STRICT.isWorkingDay(LocalDate.of(2027, 1, 4)));
    assertTrue(PROVISIONAL.isProvisional(2027));
    assertFalse(PROVISIONAL.isProvisional(2026));
    assertFalse(STRICT.isProvisional(2027));
    assertFalse(PROVISIONAL.isWorkingDay(LocalDate.of(2027, 1, 1)));
    assertFalse(PROVISIONAL.isWorkingDay(LocalDate.of(2027, 2, 5)), "除夕");
    assertFalse(PROVISIONAL.isWorkingDay(LocalDate.of(2027, 1, 9)), "a Saturday: never worked without the notice");
    assertTrue(PROVISIONAL.isWorkingDay(LocalDate.of(2027, 2, 9)), "初四: a bridge day is the notice's to give");
    assertEquals(Optional.of("春节"), PROVISIONAL.holidayOn(LocalDate.of(2027, 2, 8)));
    // 2026-12-25 (Fri): 28..31 are working days, 2027-01-01 (Fri) is 元旦, the 5th is Mon 01-04.
    assertEquals(LocalDate.of(2027, 1, 4), PROVISIONAL.nthWorkingDayAfter(LocalDate.of(2026, 12, 25), 5));
    assertEquals(List.of(2027), PROVISIONAL.provisionalYears(LocalDate.of(2027, 3, 1), LocalDate.of(2026, 12, 1)));
    assertEquals(List.of(2025, 2027), PROVISIONAL.provisionalYears(LocalDate.of(2025, 3, 1), LocalDate.of(2027, 1, 1)));
    assertEquals(List.of(), PROVISIONAL.provisionalYears(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
  }

  @Test
  void holidaysThatShareADayAreOneDayOff() {
    // 2028: 中秋 falls on 10-03, inside 国庆.
    assertEquals(LocalDate.of(2028, 10, 3), StatutoryHolidays.of(2028).holidays().get(5).from());
    WorkingCalendar none = WorkingCalendar.of(Map.of()).withProvisionalYears();
    assertFalse(none.isWorkingDay(LocalDate.of(2028, 10, 3)));
    assertEquals(LocalDate.of(2028, 10, 4), none.nthWorkingDayAfter(LocalDate.of(2028, 9, 29), 1));
    assertThrows(IllegalArgumentException.class, () -> StatutoryHolidays.of(1800));
    assertThrows(CalendarMissingException.class, () -> none.isWorkingDay(LocalDate.of(2300, 1, 2)));
  }

  @Test
  void theLunarConversionIsUsedFor1901To2199() {
    assertTrue(StatutoryHolidays.supports(1901) && StatutoryHolidays.supports(2199));
    assertFalse(StatutoryHolidays.supports(1900) || StatutoryHolidays.supports(2200));
  }

  @Test
  void aReminderCountedInAProvisionalYearMakesTheDeadlineProvisional() {
    // Only 2026 has a file: 7 natural days from Mon 2025-12-29 end on 2026-01-05, its reminder
    // 3 working days before counts back into 2025.
    DeadlinePolicy week = new DeadlinePolicy("week", null, null,
        new DeadlineTerm(TimeSpan.parse("7d"), List.of(WarningPoint.before(TimeSpan.parse("3wd")))), null);
    Deadline resolve = rules.start("T1", week, at("2025-12-29T10:00")).get(DeadlineKind.RESOLVE).orElseThrow();
    assertEquals(at("2026-01-05T10:00"), resolve.dueAt());
    assertEquals(endOf("2025-12-30"), resolve.warnAt(), "12-31 and 2026-01-04 (worked) in between");
    assertEquals(List.of(2025), resolve.provisionalYears());
    assertEquals(null, resolve.count(), "a natural-day due time is not a count");
  }

  @Test
  void countsRefuseZeroAndSpansBeyondTenYearsOfWorkingDays() {
    assertThrows(IllegalArgumentException.class, () -> PROVISIONAL.nthWorkingDayAfter(LocalDate.of(2026, 3, 2), 0));
    assertThrows(IllegalArgumentException.class, () -> PROVISIONAL.nthWorkingDayBefore(LocalDate.of(2026, 3, 2), 0));
    DeadlineCalculator c = new DeadlineCalculator(PROVISIONAL, clock);
    assertEquals(3660, c.count(at("2026-03-02T10:00"), TimeSpan.parse("3660wd")).days());
    assertThrows(IllegalArgumentException.class, () -> c.count(at("2026-03-02T10:00"), TimeSpan.parse("3661wd")));
  }

  @Test
  void aSameDayExtensionMovesToTheNextWorkingDayAndAChosenDayResumesByWorkingDays() {
    TicketDeadlines d = rules.start("T1", COMPLEX, at("2026-12-20T10:00"));
    assertEquals(endOf("2027-01-12"), rules.extend(d, TimeSpan.parse("0wd")).resolveBy().orElseThrow());
    TicketDeadlines chosen = rules.extendTo(d, LocalDate.of(2027, 1, 20));
    TicketDeadlines resumed = rules.resume(rules.pause(chosen, at("2026-12-21T10:00")), at("2026-12-23T10:00"));
    Deadline r = resumed.get(DeadlineKind.RESOLVE).orElseThrow();
    assertEquals(endOf("2027-01-22"), r.dueAt(), "two working days held (12-21, 12-22)");
    assertEquals(new WorkingDayCount(LocalDate.of(2027, 1, 20), 2), r.count());
    assertEquals(List.of(2027), r.provisionalYears());
  }

  @Test
  void onlyRunningDeadlinesNameTheYearsToRecount() {
    TicketDeadlines d = rules.start("T1", COMPLEX, at("2026-12-20T10:00"));
    assertEquals(List.of(2027), d.provisionalYears());
    assertEquals(List.of(), rules.meet(d, DeadlineKind.RESOLVE, at("2026-12-21T10:00")).provisionalYears(),
        "a met deadline is done with");
    Instant now = at("2027-01-12T10:00");
    assertEquals("missed", d.stateOf(d.get(DeadlineKind.RESOLVE).orElseThrow(), now, false));
    assertEquals("ended", d.stateOf(d.get(DeadlineKind.RESOLVE).orElseThrow(), now, true));
    assertEquals("open", d.stateOf(d.get(DeadlineKind.RESOLVE).orElseThrow(), at("2026-12-21T10:00"), false));
    TicketDeadlines paused = rules.pause(d, at("2026-12-21T10:00"));
    assertEquals("paused", paused.stateOf(paused.get(DeadlineKind.RESOLVE).orElseThrow(), now, false));
    assertEquals("missed", paused.stateOf(paused.get(DeadlineKind.SIGN).orElseThrow(), now, false), "missed before");
    TicketDeadlines met = rules.meet(d, DeadlineKind.RESOLVE, at("2027-01-12T10:00"));
    assertEquals("met_late", met.stateOf(met.get(DeadlineKind.RESOLVE).orElseThrow(), now, true));
    assertEquals("met_late", met.stateOf(met.get(DeadlineKind.SIGN).orElseThrow(), now, false));
    TicketDeadlines early = rules.meet(d, DeadlineKind.SIGN, at("2026-12-20T11:00"));
    assertEquals("met", early.stateOf(early.get(DeadlineKind.SIGN).orElseThrow(), now, false));
  }

  @Test
  void startupWarningsSayWhichYearsAreProvisional() {
    List<String> w = PROVISIONAL.startupWarnings(LocalDate.of(2026, 12, 9));
    assertEquals(1, w.size());
    assertTrue(w.get(0).startsWith("2027 is provisional") && w.get(0).contains("调休"), w.get(0));
  }

  // Deadlines counted on a provisional year, then on its official file.

  static final DeadlinePolicy COMPLEX = new DeadlinePolicy("complex", new DeadlineTerm(TimeSpan.parse("2h"), List.of()),
      new DeadlineTerm(TimeSpan.parse("24h"), List.of()),
      new DeadlineTerm(TimeSpan.parse("15wd"), List.of(WarningPoint.before(TimeSpan.parse("3wd")))), null);

  /** A made-up 2027 schedule for the test only (never shipped): 01-01..03 off, Sat 01-09 worked. */
  static WorkingCalendar withOfficial2027() {
    Map<String, HolidayYear> files = new LinkedHashMap<>();
    files.put("2026.yaml", HolidayFileParser.parse("2026.yaml", read("routing-rules/calendar/2026.yaml"), 2026));
    files.put("2027.yaml", new HolidayYear(2027, "test", List.of(new Holiday("元旦", LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 1, 3), List.of(LocalDate.of(2027, 1, 9))))));
    return WorkingCalendar.of(files).withProvisionalYears();
  }

  static String read(String path) {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of(path));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  final ManualClock clock = new ManualClock(at("2026-12-20T10:00"));
  final TicketDeadlineRules rules = new TicketDeadlineRules(new DeadlineCalculator(PROVISIONAL, clock));

  @Test
  void aWorkingDayDeadlineIntoAnUnpublishedYearIsProvisionalAndNamesTheYear() {
    TicketDeadlines d = rules.start("T1", COMPLEX, at("2026-12-20T10:00"));
    Deadline resolve = d.get(DeadlineKind.RESOLVE).orElseThrow();
    // After Sun 12-20: 21..25 and 28..31 (9), 元旦 off, 01-04..08 (14), Mon 01-11 (15).
    assertEquals(endOf("2027-01-11"), resolve.dueAt());
    assertEquals(new WorkingDayCount(LocalDate.of(2026, 12, 20), 15), resolve.count());
    assertEquals(List.of(2027), resolve.provisionalYears());
    assertFalse(d.get(DeadlineKind.SIGN).orElseThrow().isProvisional(), "clock time needs no calendar");
    assertFalse(rules.start("T2", TicketDeadlineRulesTest.ORDINARY, at("2026-12-28T10:00")).deadlines().values()
        .stream().anyMatch(Deadline::isProvisional), "natural days into 2027 need no calendar either");
    TicketDeadlines inside = rules.start("T3", COMPLEX, at("2026-11-02T10:00"));
    assertFalse(inside.get(DeadlineKind.RESOLVE).orElseThrow().isProvisional(), "all of it in 2026");
    assertEquals(d, TicketDeadlinesJson.read(TicketDeadlinesJson.write(d)), "count and years are stored");
  }

  @Test
  void theOfficialFileRecountsOpenDeadlinesOnceAndLeavesTheRest() {
    TicketDeadlines d = rules.start("T1", COMPLEX, at("2026-12-20T10:00"));
    d = rules.meet(d, DeadlineKind.SIGN, at("2026-12-20T11:00"));
    assertEquals(d, rules.recompute(d), "still provisional: nothing to recount");

    rules.useCalendar(withOfficial2027());
    TicketDeadlines again = rules.recompute(d);
    Deadline resolve = again.get(DeadlineKind.RESOLVE).orElseThrow();
    // The worked Saturday 01-09 is the 15th working day now.
    assertEquals(endOf("2027-01-09"), resolve.dueAt());
    assertEquals(endOf("2027-01-06"), resolve.warnAt(), "3 working days before, on the new calendar");
    assertEquals(List.of(), resolve.provisionalYears());
    assertEquals(0, resolve.revision(), "same steps, moved: a reminder sent is not sent twice");
    assertEquals(d.get(DeadlineKind.SIGN), again.get(DeadlineKind.SIGN), "met and clock-time deadlines stay");
    assertEquals(again, rules.recompute(again), "recounting twice changes nothing");
  }

  @Test
  void extensionsAndPausesKeepTheCountSoItCanBeRecounted() {
    TicketDeadlines d = rules.start("T1", COMPLEX, at("2026-12-20T10:00"));
    d = rules.extend(d, TimeSpan.parse("2wd"));
    assertEquals(new WorkingDayCount(LocalDate.of(2026, 12, 20), 17), d.get(DeadlineKind.RESOLVE).orElseThrow().count());
    d = rules.resume(rules.pause(d, at("2026-12-21T10:00")), at("2026-12-22T10:00"));
    Deadline resolve = d.get(DeadlineKind.RESOLVE).orElseThrow();
    assertEquals(new WorkingDayCount(LocalDate.of(2026, 12, 20), 18), resolve.count(), "one working day held");
    assertEquals(endOf("2027-01-14"), resolve.dueAt());
    rules.useCalendar(withOfficial2027());
    assertEquals(endOf("2027-01-13"), rules.recompute(d).resolveBy().orElseThrow(), "01-09 worked: one day earlier");

    TicketDeadlines chosen = rules.extendTo(rules.start("T2", COMPLEX, at("2026-12-20T10:00")), LocalDate.of(2027, 1, 20));
    assertEquals(null, chosen.get(DeadlineKind.RESOLVE).orElseThrow().count(), "a day the centre chose is not recounted");
    assertEquals(endOf("2027-01-20"), rules.recompute(chosen).resolveBy().orElseThrow());
  }

  @Test
  void theSameWorkingDayIsCountedFromTheDayBeforeUnlessTheDayHasEnded() {
    DeadlineCalculator c = new DeadlineCalculator(PROVISIONAL, clock);
    assertEquals(new WorkingDayCount(LocalDate.of(2027, 1, 4), 1), c.count(at("2027-01-05T10:00"), TimeSpan.parse("0wd")));
    assertEquals(endOf("2027-01-05"), c.add(at("2027-01-05T10:00"), TimeSpan.parse("0wd")));
    assertEquals(endOf("2027-01-04"), c.add(at("2027-01-01T10:00"), TimeSpan.parse("0wd")), "元旦: the next working day");
    assertEquals(new WorkingDayCount(LocalDate.of(2027, 1, 5), 1), c.count(endOf("2027-01-05"), TimeSpan.parse("0wd")));
    assertThrows(IllegalArgumentException.class, () -> c.count(at("2027-01-05T10:00"), TimeSpan.parse("2h")));
  }
}
