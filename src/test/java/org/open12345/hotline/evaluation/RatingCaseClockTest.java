package org.open12345.hotline.evaluation;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.Deadline;
import org.open12345.hotline.deadline.DeadlineCalculator;
import org.open12345.hotline.deadline.DeadlineKind;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.deadline.TimeSpan;
import org.open12345.hotline.deadline.WorkingCalendar;

class RatingCaseClockTest {
  // Thu 2026-02-12 10:00 in Beijing, the day before the Spring Festival break (02-15..02-23).
  static final Instant THURSDAY = Instant.parse("2026-02-12T02:00:00Z");
  static final DeadlineCalculator CALC = new DeadlineCalculator(WorkingCalendar.load(Path.of("routing-rules/calendar")),
      new ManualClock(THURSDAY));
  final RatingCaseClock clock = new RatingCaseClock(() -> CALC, TimeSpan.parse("48h"), TimeSpan.parse("15d"));

  @Test
  void theCallbackIsDueIn48HoursAndTheFixIn15NaturalDaysHolidaysIncluded() {
    List<Deadline> d = clock.open(THURSDAY);
    assertEquals(List.of(DeadlineKind.CALLBACK, DeadlineKind.FIX), d.stream().map(Deadline::kind).toList());
    Deadline callback = d.get(0);
    assertEquals(Instant.parse("2026-02-14T02:00:00Z"), callback.dueAt());
    assertEquals(Instant.parse("2026-02-13T02:00:00Z"), callback.warnAt(), "one reminder, at half time");
    assertEquals(1, callback.warnings().size());
    assertEquals(Instant.parse("2026-02-15T02:00:00Z"), callback.escalateAt(), "通报 a day after the deadline");
    Deadline fix = d.get(1);
    assertEquals(Instant.parse("2026-02-27T02:00:00Z"), fix.dueAt(), "natural days run through the festival");
    assertEquals(Instant.parse("2026-02-19T14:00:00Z"), fix.warnAt());
    assertFalse(callback.isMet() || fix.isMet());
    assertEquals(0, callback.revision());
  }

  @Test
  void meetingOneLeavesTheOtherRunningAndTheFirstMarkStays() {
    List<Deadline> d = clock.open(THURSDAY);
    Instant at = THURSDAY.plusSeconds(3600);
    List<Deadline> met = RatingCaseClock.meet(d, DeadlineKind.CALLBACK, at);
    assertEquals(at, met.get(0).metAt());
    assertNull(met.get(1).metAt());
    assertEquals(d.get(0).dueAt(), met.get(0).dueAt());
    assertEquals(at, RatingCaseClock.meet(met, DeadlineKind.CALLBACK, at.plusSeconds(60)).get(0).metAt());
  }

  @Test
  void theAppealWindowCountsWorkingDaysFromTheDayAfterTheRating() {
    RatingAppealRules rules = new RatingAppealRules(() -> CALC, TimeSpan.parse("5wd"));
    // 02-13 (Fri), 02-14 (worked Saturday), then the break, 02-24, 02-25, 02-26: the end of 02-26.
    assertEquals(Instant.parse("2026-02-26T15:59:59.999999Z"), rules.windowEndsAt(THURSDAY));
  }
}
