package org.open12345.hotline.deadline;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A ticket's deadlines (sign-by, respond-by, resolve-by) with their warning and escalation
 * points. Immutable: {@link TicketDeadlineRules} returns a new value for each change, so the
 * caller can store it and record the before/after as an event.
 *
 * @param pausedAt when the clock was paused, null while running
 */
public record TicketDeadlines(
    String ticketId,
    DeadlinePolicy policy,
    Instant dispatchedAt,
    Map<DeadlineKind, Deadline> deadlines,
    Instant pausedAt) {

  public TicketDeadlines {
    EnumMap<DeadlineKind, Deadline> copy = new EnumMap<>(DeadlineKind.class);
    copy.putAll(deadlines);
    deadlines = Collections.unmodifiableMap(copy);
  }

  public Optional<Deadline> get(DeadlineKind kind) {
    return Optional.ofNullable(deadlines.get(kind));
  }

  public Optional<Instant> signBy() {
    return get(DeadlineKind.SIGN).map(Deadline::dueAt);
  }

  public Optional<Instant> respondBy() {
    return get(DeadlineKind.RESPOND).map(Deadline::dueAt);
  }

  public Optional<Instant> resolveBy() {
    return get(DeadlineKind.RESOLVE).map(Deadline::dueAt);
  }

  public boolean isPaused() {
    return pausedAt != null;
  }

  /** Whether a pause holds this deadline: open and not yet due when the clock stopped. */
  public boolean isFrozen(Deadline d) {
    return pausedAt != null && !d.isMet() && d.dueAt().isAfter(pausedAt);
  }
}
