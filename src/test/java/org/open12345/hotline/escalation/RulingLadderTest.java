package org.open12345.hotline.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.DeadlineCalculator;
import org.open12345.hotline.deadline.DeadlineKind;
import org.open12345.hotline.deadline.DeadlinePolicy;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.deadline.PolicyCatalog;
import org.open12345.hotline.deadline.TicketDeadlineRules;
import org.open12345.hotline.deadline.TicketDeadlines;
import org.open12345.hotline.deadline.TimeSpan;
import org.open12345.hotline.deadline.WorkingCalendar;

/** The ruling on a return has its own rungs, for the centre; the department's wait for it. */
class RulingLadderTest {
  static final Instant T = Instant.parse("2026-03-02T02:00:00Z");
  final TicketDeadlineRules rules = new TicketDeadlineRules(new DeadlineCalculator(
      WorkingCalendar.load(Path.of("routing-rules/calendar")), new ManualClock(T)));
  final DeadlinePolicy ordinary = new DeadlinePolicy("ordinary", TimeSpan.parse("2h"), TimeSpan.parse("24h"),
      TimeSpan.parse("7d"), null, null);
  final EscalationLadder ladder = EscalationLadder.shippedDefault();

  @Test
  void whileAReturnWaitsOnlyTheRulingIsRemindedAndSupervisedToTheCentre() {
    TicketDeadlines returned = rules.awaitRuling(rules.start("T1", ordinary, T), PolicyCatalog.DEFAULT_RULING,
        ordinary.escalateAfter(), T.plusSeconds(600));
    LadderPlan plan = ladder.plan(returned);
    assertEquals(List.of("T1:RULING:REMIND", "T1:RULING:SUPERVISE"), plan.steps().stream().map(PlannedStep::key).toList());
    assertTrue(plan.steps().stream().allMatch(s -> s.to().equals(Set.of(Audience.SUPERVISORS)) && !s.circulate()),
        "the centre's own deadline: to the supervisors, never 通报");

    TicketDeadlines back = rules.ruled(returned, T.plusSeconds(1200));
    List<String> keys = ladder.plan(back).steps().stream().map(PlannedStep::key).toList();
    assertEquals(9, keys.size(), keys.toString());
    assertTrue(keys.stream().noneMatch(k -> k.contains("RULING")));
    assertEquals("退单审核", StepNotices.stage(DeadlineKind.RULING));
  }
}
