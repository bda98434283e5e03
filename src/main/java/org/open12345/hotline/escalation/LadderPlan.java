package org.open12345.hotline.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every step still to fire for one ticket, ordered by due time, then level. */
public record LadderPlan(String ticketId, List<PlannedStep> steps) {

  public LadderPlan {
    steps = List.copyOf(steps);
  }

  /** The earliest due time, for the scheduler's next-due index; empty when nothing is left. */
  public Optional<Instant> nextDueAt() {
    return steps.stream().map(PlannedStep::dueAt).min(Instant::compareTo);
  }

  /** Steps due at or before {@code now}, oldest first. */
  public List<PlannedStep> dueBy(Instant now) {
    return steps.stream().filter(s -> !s.dueAt().isAfter(now)).toList();
  }

  /** The plan without the steps that already fired ({@code firedKeys}): what is still to come. */
  public LadderPlan without(java.util.Set<String> firedKeys) {
    return firedKeys.isEmpty() ? this
        : new LadderPlan(ticketId, steps.stream().filter(s -> !firedKeys.contains(s.key())).toList());
  }

  public Optional<PlannedStep> find(String key) {
    return steps.stream().filter(s -> s.key().equals(key)).findFirst();
  }
}
