package org.open12345.hotline.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.open12345.hotline.deadline.DeadlineCalculatorTest.at;

import java.util.List;
import org.junit.jupiter.api.Test;

/** While a return waits for the centre's ruling, the ruling runs and the department's clock is held for it. */
class RulingDeadlineTest {
  final ManualClock clock = new ManualClock(at("2026-03-02T10:00"));
  final TicketDeadlineRules rules = new TicketDeadlineRules(new DeadlineCalculator(WorkingCalendarTest.CAL, clock));
  final TicketDeadlines dispatched = rules.start("T1", TicketDeadlineRulesTest.ORDINARY, at("2026-03-02T10:00"));
  final TicketDeadlines returned = rules.awaitRuling(dispatched, PolicyCatalog.DEFAULT_RULING,
      DeadlinePolicy.DEFAULT_ESCALATE_AFTER, at("2026-03-02T11:00"));

  @Test
  void aReturnStartsTheRulingAndHoldsTheDepartmentsDeadlines() {
    Deadline ruling = returned.get(DeadlineKind.RULING).orElseThrow();
    assertEquals(at("2026-03-02T15:00"), ruling.dueAt());
    assertEquals(at("2026-03-02T14:00"), ruling.warnAt(), "1h before");
    assertEquals(0, ruling.revision());
    assertTrue(returned.awaitsRuling());
    assertEquals(at("2026-03-02T15:00"), returned.openDueAt(), "only the ruling is overdue-able");
    assertEquals(dispatched.get(DeadlineKind.RESOLVE), returned.get(DeadlineKind.RESOLVE), "not moved");
    assertFalse(returned.isRunning(returned.get(DeadlineKind.SIGN).orElseThrow()));
  }

  @Test
  void sendingItBackMeetsTheRulingOnlyAndTheDepartmentsClockRunsAsBefore() {
    TicketDeadlines back = rules.ruled(returned, at("2026-03-02T12:00"));
    assertEquals(at("2026-03-02T12:00"), back.get(DeadlineKind.RULING).orElseThrow().metAt());
    assertFalse(back.get(DeadlineKind.SIGN).orElseThrow().isMet(), "a ruling is not the department's act");
    assertFalse(back.awaitsRuling());
    assertEquals(dispatched.openDueAt(), back.openDueAt());
    TicketDeadlines signed = rules.meet(back, DeadlineKind.RESOLVE, at("2026-03-03T10:00"));
    assertEquals(at("2026-03-02T12:00"), signed.get(DeadlineKind.RULING).orElseThrow().metAt(), "untouched by acts");
  }

  @Test
  void eachReturnsRulingHasItsOwnRevisionAcrossRounds() {
    TicketDeadlines again = rules.awaitRuling(rules.ruled(returned, at("2026-03-02T12:00")),
        PolicyCatalog.DEFAULT_RULING, DeadlinePolicy.DEFAULT_ESCALATE_AFTER, at("2026-03-02T13:00"));
    assertEquals(1, again.get(DeadlineKind.RULING).orElseThrow().revision());
    TicketDeadlines redispatched = rules.redispatch(again, TicketDeadlineRulesTest.ORDINARY, at("2026-03-02T14:00"));
    Deadline kept = redispatched.get(DeadlineKind.RULING).orElseThrow();
    assertEquals(at("2026-03-02T14:00"), kept.metAt(), "a re-dispatch is the ruling");
    assertEquals(List.of(1, 1, 1), List.of(redispatched.get(DeadlineKind.SIGN).orElseThrow().revision(),
        redispatched.get(DeadlineKind.RESPOND).orElseThrow().revision(),
        redispatched.get(DeadlineKind.RESOLVE).orElseThrow().revision()));
    TicketDeadlines third = rules.awaitRuling(redispatched, PolicyCatalog.DEFAULT_RULING,
        DeadlinePolicy.DEFAULT_ESCALATE_AFTER, at("2026-03-02T15:00"));
    assertEquals(2, third.get(DeadlineKind.RULING).orElseThrow().revision(), "never a key of an earlier return");
    assertEquals(third, TicketDeadlinesJson.read(TicketDeadlinesJson.write(third)));
  }
}
