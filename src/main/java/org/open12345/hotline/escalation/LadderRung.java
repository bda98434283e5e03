package org.open12345.hotline.escalation;

import java.util.EnumSet;
import java.util.Set;
import org.open12345.hotline.deadline.DeadlineKind;

/**
 * One configured step of a ladder.
 *
 * @param level 0 for a reminder, rising with severity; shown in views and filters
 * @param deadlines the deadline kinds this rung applies to
 * @param circulate whether the step marks the ticket for 通报 (public criticism)
 */
public record LadderRung(
    StepKind step,
    int level,
    Anchor at,
    Set<Audience> to,
    Set<NoticeChannel> via,
    boolean circulate,
    Set<DeadlineKind> deadlines) {

  public LadderRung {
    if (step == null || at == null) {
      throw new IllegalArgumentException("a ladder rung needs a step kind and an anchor");
    }
    if (to == null || to.isEmpty() || via == null || via.isEmpty()) {
      throw new IllegalArgumentException("ladder rung " + step + " needs recipients and channels");
    }
    to = Set.copyOf(to);
    via = Set.copyOf(via);
    deadlines = deadlines == null || deadlines.isEmpty() ? EnumSet.allOf(DeadlineKind.class) : Set.copyOf(deadlines);
  }
}
