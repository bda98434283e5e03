package org.open12345.hotline.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.open12345.hotline.deadline.DeadlineCalculatorTest.at;
import static org.open12345.hotline.deadline.DeadlineCalculatorTest.endOf;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TicketDeadlineRulesTest {

  static final DeadlinePolicy ORDINARY =
      new DeadlinePolicy("ordinary", TimeSpan.parse("2h"), TimeSpan.parse("24h"), TimeSpan.parse("7d"), TimeSpan.parse("4h"), null);
  static final DeadlinePolicy THREE_DAYS =
      new DeadlinePolicy("consult", TimeSpan.parse("30m"), TimeSpan.parse("0wd"), TimeSpan.parse("3wd"), TimeSpan.parse("2h"), null);

  final ManualClock clock = new ManualClock(at("2026-02-12T10:00"));
  final TicketDeadlineRules rules = new TicketDeadlineRules(new DeadlineCalculator(WorkingCalendarTest.CAL, clock));

  @Test
  void naturalDayPolicyWithDefaultEscalation() {
    TicketDeadlines d = rules.start("T2", ORDINARY, at("2026-02-12T10:00"));
    Deadline resolve = d.get(DeadlineKind.RESOLVE).orElseThrow();
    assertEquals(at("2026-02-19T10:00"), resolve.dueAt()); // 7 days later, holiday or not
    assertEquals(at("2026-02-19T06:00"), resolve.warnAt());
    assertEquals(at("2026-02-20T10:00"), resolve.escalateAt()); // default 24h
    // 4h before a 2h sign deadline is before dispatch: half time.
    assertEquals(at("2026-02-12T11:00"), d.get(DeadlineKind.SIGN).orElseThrow().warnAt());
  }

  @Test
  void pauseShiftsClockDeadlinesByThePausedDurationAndLeavesSameDayWorkingDeadlines() {
    TicketDeadlines d = rules.start("T3", THREE_DAYS, at("2026-02-12T10:00"));
    d = rules.resume(rules.pause(d, at("2026-02-12T10:10")), at("2026-02-12T10:40"));
    Deadline sign = d.get(DeadlineKind.SIGN).orElseThrow();
    assertEquals(at("2026-02-12T11:00"), sign.dueAt());
    assertEquals(at("2026-02-12T10:45"), sign.warnAt()); // half time of the shifted clock
    assertEquals(at("2026-02-13T11:00"), sign.escalateAt());
    // No working day ended during the pause: the working-day deadlines stay.
    assertEquals(endOf("2026-02-12"), d.respondBy().orElseThrow());
    assertEquals(endOf("2026-02-24"), d.resolveBy().orElseThrow());
    assertNull(d.pausedAt());
  }

  @Test
  void aMissedDeadlineIsNotRescuedByAPause() {
    TicketDeadlines d = rules.start("T4", THREE_DAYS, at("2026-02-12T10:00"));
    d = rules.pause(d, at("2026-02-12T11:00")); // sign-by 10:30 already missed
    assertTrue(d.isFrozen(d.get(DeadlineKind.RESOLVE).orElseThrow()));
    assertTrue(!d.isFrozen(d.get(DeadlineKind.SIGN).orElseThrow()));
    d = rules.resume(d, at("2026-02-13T11:00"));
    assertEquals(at("2026-02-12T10:30"), d.signBy().orElseThrow());
    assertEquals(endOf("2026-02-13"), d.respondBy().orElseThrow()); // one working day (02-12) lost
    assertEquals(endOf("2026-02-25"), d.resolveBy().orElseThrow()); // 02-24 + 1wd
  }

  @Test
  void extensionToAnExplicitDayAndRefusals() {
    TicketDeadlines d = rules.start("T5", THREE_DAYS, at("2026-02-12T10:00"));
    TicketDeadlines e = rules.extendTo(d, LocalDate.of(2026, 3, 6));
    assertEquals(endOf("2026-03-06"), e.resolveBy().orElseThrow());
    assertEquals(at("2026-03-06T21:59:59.999999"), e.get(DeadlineKind.RESOLVE).orElseThrow().warnAt());
    assertEquals(1, e.get(DeadlineKind.RESOLVE).orElseThrow().revision());
    assertEquals(d.signBy(), e.signBy());
    assertThrows(IllegalArgumentException.class, () -> rules.extendTo(d, LocalDate.of(2026, 2, 13)));
    TicketDeadlines done = rules.meet(d, DeadlineKind.RESOLVE, at("2026-02-13T10:00"));
    assertThrows(IllegalStateException.class, () -> rules.extend(done, TimeSpan.parse("2wd")));
  }

  @Test
  void replyingMeetsTheEarlierDeadlinesToo() {
    TicketDeadlines d = rules.start("T6", THREE_DAYS, at("2026-02-12T10:00"));
    d = rules.meet(d, DeadlineKind.SIGN, at("2026-02-12T10:05"));
    d = rules.meet(d, DeadlineKind.RESOLVE, at("2026-02-12T16:00"));
    assertEquals(at("2026-02-12T10:05"), d.get(DeadlineKind.SIGN).orElseThrow().metAt());
    assertEquals(at("2026-02-12T16:00"), d.get(DeadlineKind.RESPOND).orElseThrow().metAt());
    assertTrue(rules.timeLeft(d).isEmpty());
  }
}
