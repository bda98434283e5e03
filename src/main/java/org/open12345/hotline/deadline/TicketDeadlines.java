package org.open12345.hotline.deadline;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
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

  /**
   * The provisional years the deadlines still running counted on (met ones are done with):
   * what is recounted when one of those years gets its file.
   */
  public List<Integer> provisionalYears() {
    return deadlines.values().stream().filter(dl -> !dl.isMet())
        .flatMap(dl -> dl.provisionalYears().stream()).distinct().sorted().toList();
  }

  public boolean isPaused() {
    return pausedAt != null;
  }

  /** Whether a pause holds this deadline: open and not yet due when the clock stopped. */
  public boolean isFrozen(Deadline d) {
    return pausedAt != null && !d.isMet() && d.dueAt().isAfter(pausedAt);
  }

  /**
   * Whether a return waits for the centre's ruling: the department's deadlines are then held
   * for it (no ladder, not overdue); their clock still runs, so a ruling that sends the ticket back
   * finds them where they would be.
   */
  public boolean awaitsRuling() {
    return get(DeadlineKind.RULING).filter(r -> !r.isMet()).isPresent();
  }

  /** The deadlines that run now: the ruling while a return waits for it, else the department's. */
  public boolean isRunning(Deadline dl) {
    return awaitsRuling() ? dl.kind() == DeadlineKind.RULING : dl.kind().isDepartments();
  }

  /** The earliest deadline still running: not met and not held by a pause; null when none is. */
  public Instant openDueAt() {
    return deadlines.values().stream()
        .filter(dl -> !dl.isMet() && !isFrozen(dl) && isRunning(dl))
        .map(Deadline::dueAt)
        .min(Instant::compareTo)
        .orElse(null);
  }

  /**
   * Where one of these deadlines stands, as the views name it: {@code met}, {@code met_late},
   * {@code paused}, {@code ended} (the ticket ended before the act), {@code missed} or {@code open}.
   *
   * @param ticketEnded whether the ticket is in a terminal state
   */
  public String stateOf(Deadline dl, Instant now, boolean ticketEnded) {
    if (dl.isMet()) {
      return dl.isMetInTime() ? "met" : "met_late";
    }
    if (isFrozen(dl)) {
      return "paused";
    }
    if (ticketEnded) {
      return "ended";
    }
    return dl.isMissed(now) ? "missed" : "open";
  }
}
