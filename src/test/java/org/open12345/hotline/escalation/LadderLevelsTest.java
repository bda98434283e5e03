package org.open12345.hotline.escalation;

import static org.junit.jupiter.api.Assertions.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.DeadlineKind;

/** The 督办 and 通报 lists take their levels from the ladders as configured, not from fixed numbers. */
class LadderLevelsTest {
  static LadderRung rung(StepKind kind, int level, Anchor at, DeadlineKind... deadlines) {
    return new LadderRung(kind, level, at, EnumSet.of(Audience.SUPERVISORS), EnumSet.of(NoticeChannel.MAIL),
        kind == StepKind.ESCALATE, Set.of(deadlines));
  }

  @Test
  void theShippedLaddersSuperviseAtOneAndEscalateAtTwo() {
    Escalations shipped = new Escalations(null, null, EscalationLadder.shippedDefault(), EscalationLadder.caseDefault());
    assertEquals(List.of(1), shipped.levels(StepKind.SUPERVISE));
    assertEquals(List.of(2), shipped.levels(StepKind.ESCALATE));
  }

  @Test
  void aLadderWithTwoSuperviseRungsListsBothAndEscalationAboveThem() {
    EscalationLadder ladder = new EscalationLadder(List.of(rung(StepKind.REMIND, 0, Anchor.WARNING),
        rung(StepKind.SUPERVISE, 1, Anchor.DEADLINE, DeadlineKind.SIGN),
        rung(StepKind.SUPERVISE, 2, Anchor.DEADLINE, DeadlineKind.RESOLVE),
        rung(StepKind.ESCALATE, 3, Anchor.ESCALATION)));
    Escalations e = new Escalations(null, null, ladder, EscalationLadder.caseDefault());
    assertEquals(List.of(1, 2), e.levels(StepKind.SUPERVISE));
    assertEquals(List.of(2, 3), e.levels(StepKind.ESCALATE), "the case ladder's 通报 level counts too");
  }
}
