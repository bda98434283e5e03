package org.open12345.hotline.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.problem.InvalidField;

class StatsQueryTest {

  static StatsQuery parse(Map<String, String> params) {
    return StatsQuery.parse(params::get);
  }

  static String refusedField(Map<String, String> params) {
    return assertThrows(InvalidField.class, () -> parse(params)).field();
  }

  @Test
  void aMonthIsItsFirstToItsLastDay() {
    StatsQuery q = parse(Map.of("month", "2026-02"));
    assertEquals(LocalDate.of(2026, 2, 1), q.from());
    assertEquals(LocalDate.of(2026, 2, 28), q.to());
    assertEquals(StatsQuery.Grouping.DEPARTMENT, q.grouping());
    assertEquals(StatsQuery.Interval.NONE, q.interval());
    assertFalse(q.rollup());
    assertNull(q.department());
    assertNull(q.categoryPrefix());
  }

  @Test
  void everyParameterIsRead() {
    StatsQuery q = parse(Map.of("from", "2026-01-01", "to", "2026-01-01", "group", "Category", "interval", "day",
        "department", " hhht ", "rollup", "true", "category", "0203"));
    assertEquals(q.from(), q.to());
    assertEquals(StatsQuery.Grouping.CATEGORY, q.grouping());
    assertEquals(StatsQuery.Interval.DAY, q.interval());
    assertEquals("hhht", q.department());
    assertTrue(q.rollup());
    assertEquals("0203", q.categoryPrefix());
  }

  @Test
  void refusalsNameTheParameter() {
    assertEquals("from", refusedField(Map.of()));
    assertEquals("to", refusedField(Map.of("from", "2026-01-01")));
    assertEquals("from", refusedField(Map.of("from", "2026-01-02", "to", "2026-01-01")));
    assertEquals("from", refusedField(Map.of("from", "20260101", "to", "2026-01-01")));
    assertEquals("to", refusedField(Map.of("from", "2026-01-01", "to", "2026-02-30")));
    assertEquals("month", refusedField(Map.of("month", "2026-1")));
    assertEquals("month", refusedField(Map.of("month", "2026-01", "to", "2026-01-31")));
    assertEquals("group", refusedField(Map.of("month", "2026-01", "group", "area")));
    assertEquals("interval", refusedField(Map.of("month", "2026-01", "interval", "week")));
    assertEquals("rollup", refusedField(Map.of("month", "2026-01", "rollup", "1")));
    assertEquals("category", refusedField(Map.of("month", "2026-01", "category", "02_")));
    assertEquals("category", refusedField(Map.of("month", "2026-01", "category", "1234567890123")));
  }

  @Test
  void periodsAreBounded() {
    // 732 days is the most (two years and a leap day); 92 days when split by day
    assertEquals(StatsQuery.MAX_DAYS, java.time.temporal.ChronoUnit.DAYS.between(
        parse(Map.of("from", "2025-01-01", "to", "2027-01-02")).from(), LocalDate.of(2027, 1, 3)));
    assertEquals("to", refusedField(Map.of("from", "2025-01-01", "to", "2027-01-03")));
    assertNotNull(parse(Map.of("from", "2026-01-01", "to", "2026-04-02", "interval", "day")));
    assertEquals("interval", refusedField(Map.of("from", "2026-01-01", "to", "2026-04-03", "interval", "day")));
  }

  @Test
  void periodsAreLabelledAsTheIntervalNamesThem() {
    LocalDate d = LocalDate.of(2026, 11, 1);
    assertEquals("2026-11", StatsQuery.Interval.MONTH.label(d));
    assertEquals("2026-11-01", StatsQuery.Interval.DAY.label(d));
    assertEquals("2026-11-01", StatsQuery.Interval.NONE.label(d));
    assertNull(StatsQuery.Interval.MONTH.label(null));
  }
}
