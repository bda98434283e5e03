package org.open12345.hotline.escalation;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.CaseDeadlines;
import org.open12345.hotline.deadline.Deadline;
import org.open12345.hotline.deadline.DeadlineKind;
import org.open12345.hotline.deadline.TimeSpan;
import org.open12345.hotline.deadline.WarningPoint;
import org.open12345.hotline.deadline.WarningTime;

/** The ladder of a 差评 case's callback and fix deadlines (plain Java). */
class CaseLadderTest {
  static final Instant T = Instant.parse("2026-03-02T02:00:00Z");
  final EscalationLadder ladder = EscalationLadder.caseDefault();

  static Deadline deadline(DeadlineKind kind, long hours, Instant metAt) {
    Instant due = T.plusSeconds(hours * 3600);
    return new Deadline(kind, new TimeSpan(hours, TimeSpan.Unit.HOURS), T, due,
        List.of(new WarningTime(WarningPoint.HALF_TIME, T.plusSeconds(hours * 1800))), due.plusSeconds(86400), 0,
        metAt);
  }

  static CaseDeadlines c(Set<DeadlineKind> centre, boolean ended, Deadline... ds) {
    return new CaseDeadlines("rating_case", 17, 5, "hhht.gas", centre, List.of(ds), ended);
  }

  @Test
  void eachOpenDeadlineGetsReminderSupervisionAndCirculationKeyedByTheCase() {
    LadderPlan plan = ladder.planCase(c(Set.of(DeadlineKind.CALLBACK), false,
        deadline(DeadlineKind.CALLBACK, 48, null), deadline(DeadlineKind.FIX, 360, null)));
    assertEquals(List.of("rating_case:17:CALLBACK:REMIND", "rating_case:17:CALLBACK:SUPERVISE",
        "rating_case:17:CALLBACK:ESCALATE", "rating_case:17:FIX:REMIND", "rating_case:17:FIX:SUPERVISE",
        "rating_case:17:FIX:ESCALATE"), plan.steps().stream().map(PlannedStep::key).toList());
    assertEquals(T.plusSeconds(24 * 3600), plan.nextDueAt().orElseThrow());
  }

  @Test
  void stepsComeByDueTimeWhateverTheOrderOfTheDeadlines() {
    LadderPlan plan = ladder.planCase(c(Set.of(), false, deadline(DeadlineKind.FIX, 10, null),
        deadline(DeadlineKind.CALLBACK, 48, null)));
    assertEquals(List.of("rating_case:17:FIX:REMIND", "rating_case:17:FIX:SUPERVISE", "rating_case:17:CALLBACK:REMIND",
        "rating_case:17:FIX:ESCALATE", "rating_case:17:CALLBACK:SUPERVISE", "rating_case:17:CALLBACK:ESCALATE"),
        plan.steps().stream().map(PlannedStep::key).toList());
  }

  @Test
  void theCentresStepsGoToTheSupervisorsWithoutACirculationMark() {
    LadderPlan plan = ladder.planCase(c(Set.of(DeadlineKind.CALLBACK), false,
        deadline(DeadlineKind.CALLBACK, 48, null), deadline(DeadlineKind.FIX, 360, null)));
    for (PlannedStep s : plan.steps()) {
      if (s.deadlineKind() == DeadlineKind.CALLBACK) {
        assertEquals(Set.of(Audience.SUPERVISORS), s.to(), s.key());
        assertFalse(s.circulate(), s.key());
      }
    }
    PlannedStep fixEscalation = plan.find("rating_case:17:FIX:ESCALATE").orElseThrow();
    assertEquals(Set.of(Audience.PARENT_DEPARTMENT, Audience.SUPERVISORS), fixEscalation.to());
    assertTrue(fixEscalation.circulate());
    PlannedStep deptCallback = ladder.planCase(c(Set.of(), false, deadline(DeadlineKind.CALLBACK, 48, null)))
        .find("rating_case:17:CALLBACK:SUPERVISE").orElseThrow();
    assertEquals(Set.of(Audience.DEPARTMENT, Audience.ESCALATION_CONTACTS), deptCallback.to());
  }

  @Test
  void aMetDeadlineAndAnEndedCaseHaveNoSteps() {
    LadderPlan plan = ladder.planCase(c(Set.of(), false, deadline(DeadlineKind.CALLBACK, 48, T),
        deadline(DeadlineKind.FIX, 360, null)));
    assertTrue(plan.steps().stream().allMatch(s -> s.deadlineKind() == DeadlineKind.FIX));
    assertEquals(List.of(), ladder.planCase(c(Set.of(), true, deadline(DeadlineKind.FIX, 360, null))).steps());
  }

  @Test
  void theTicketLadderPlansNoCaseDeadlines() {
    assertTrue(EscalationLadder.shippedDefault().rungs().stream()
        .noneMatch(r -> r.deadlines().contains(DeadlineKind.CALLBACK) || r.deadlines().contains(DeadlineKind.FIX)));
  }
}
