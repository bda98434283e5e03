package org.open12345.hotline.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.open12345.hotline.escalation.SpringFestivalMonthWalkTest.at;
import static org.open12345.hotline.escalation.SpringFestivalMonthWalkTest.fired;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.DeadlineCalculator;
import org.open12345.hotline.deadline.DeadlineKind;
import org.open12345.hotline.deadline.DeadlinePolicy;
import org.open12345.hotline.deadline.DeadlineTerm;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.deadline.TicketDeadlineRules;
import org.open12345.hotline.deadline.TicketDeadlines;
import org.open12345.hotline.deadline.TimeSpan;
import org.open12345.hotline.deadline.WarningPoint;

/** The ladder plans one 催办 per warning point of a deadline, and each fires once. */
class LadderWarningsTest {

  static DeadlineTerm term(String within, String... points) {
    return new DeadlineTerm(TimeSpan.parse(within), java.util.Arrays.stream(points).map(WarningPoint::parse).toList());
  }

  /** policies.yaml's critical policy. */
  static final DeadlinePolicy CRITICAL = new DeadlinePolicy("critical", term("30m", "10m"), term("2h", "30m"),
      term("24h", "4h", "1h", "50%"), null);

  final ManualClock clock = new ManualClock(at("2026-03-02T10:00"));
  final TicketDeadlineRules rules =
      new TicketDeadlineRules(new DeadlineCalculator(SpringFestivalMonthWalkTest.CAL, clock));
  final EscalationLadder ladder = EscalationLadder.shippedDefault();

  List<String> reminders(TicketDeadlines d, DeadlineKind kind) {
    return ladder.plan(d).steps().stream()
        .filter(s -> s.deadlineKind() == kind && s.stepKind() == StepKind.REMIND)
        .map(s -> s.key() + " @ " + s.dueAt()).toList();
  }

  @Test
  void aCriticalTicketPlansEveryResolveReminderUnderItsOwnKey() {
    TicketDeadlines d = rules.start("T1", CRITICAL, at("2026-03-02T10:00"));
    assertEquals(List.of(fired("RESOLVE:REMIND@50%", at("2026-03-02T22:00")),
        fired("RESOLVE:REMIND@4h", at("2026-03-03T06:00")),
        fired("RESOLVE:REMIND@1h", at("2026-03-03T09:00"))), reminders(d, DeadlineKind.RESOLVE));
    // A deadline with one warning point keeps the plain key tickets already carry.
    assertEquals(List.of(fired("SIGN:REMIND", at("2026-03-02T10:20"))), reminders(d, DeadlineKind.SIGN));
    assertEquals(3 * 3 + 2, ladder.plan(d).steps().size(), "three rungs per deadline, two more reminders");
  }

  @Test
  void leftAloneEveryStepFiresOnceInTimeOrder() {
    TicketDeadlines d = rules.start("T1", CRITICAL, at("2026-03-02T10:00"));
    SimulatedScheduler s = new SimulatedScheduler(clock, ladder, d);
    s.runUntil(at("2026-03-05T00:00"));
    assertEquals(List.of(
        fired("SIGN:REMIND", at("2026-03-02T10:20")),
        fired("SIGN:SUPERVISE", at("2026-03-02T10:30")),
        fired("RESPOND:REMIND", at("2026-03-02T11:30")),
        fired("RESPOND:SUPERVISE", at("2026-03-02T12:00")),
        fired("RESOLVE:REMIND@50%", at("2026-03-02T22:00")),
        fired("RESOLVE:REMIND@4h", at("2026-03-03T06:00")),
        fired("RESOLVE:REMIND@1h", at("2026-03-03T09:00")),
        fired("RESOLVE:SUPERVISE", at("2026-03-03T10:00")),
        fired("SIGN:ESCALATE", at("2026-03-03T10:30")),
        fired("RESPOND:ESCALATE", at("2026-03-03T12:00")),
        fired("RESOLVE:ESCALATE", at("2026-03-04T10:00"))), s.firedLog());
  }

  @Test
  void aPauseMovesTheRemindersWithoutFiringAnyAgain() {
    TicketDeadlines d = rules.start("T1", CRITICAL, at("2026-03-02T10:00"));
    SimulatedScheduler s = new SimulatedScheduler(clock, ladder, d);
    s.runUntil(at("2026-03-02T22:30"));
    assertEquals(fired("RESOLVE:REMIND@50%", at("2026-03-02T22:00")), s.firedLog().get(4));
    // Two hours' pause: resolve-by and its remaining reminders move; the fired one keeps its key.
    s.ticket = rules.resume(rules.pause(s.ticket, at("2026-03-02T22:30")), at("2026-03-03T00:30"));
    s.runUntil(at("2026-03-03T11:30"));
    assertEquals(List.of(fired("RESOLVE:REMIND@4h", at("2026-03-03T08:00")),
        fired("SIGN:ESCALATE", at("2026-03-03T10:30")),
        fired("RESOLVE:REMIND@1h", at("2026-03-03T11:00"))), s.firedLog().subList(5, s.firedLog().size()));
    assertEquals(1, s.firedLog().stream().filter(f -> f.contains("RESOLVE:REMIND@50%")).count());
  }
}
