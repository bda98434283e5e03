package org.open12345.hotline.deadline;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One of a ticket's clocks.
 *
 * @param span what the policy allowed (its unit decides how a pause shifts the deadline)
 * @param startedAt when the clock started (dispatch), moved by pauses; the half-time warning
 *     rule measures from here
 * @param dueAt the deadline: met when the act happens at or before it
 * @param warnings the 催办 reminders before {@code dueAt}, earliest first; never empty
 * @param escalateAt the 通报 point after {@code dueAt}
 * @param revision 0 at first dispatch, +1 on each re-dispatch or approved extension, so the
 *     ladder's exactly-once keys of a new round differ from the old one's
 * @param metAt when the act happened, null while open
 * @param count how {@code dueAt} was counted in working days, or null when it is a clock time, a
 *     natural-day time or a day the centre chose
 * @param provisionalYears the years without an official holiday file that computing this deadline
 *     (its due time, reminders or escalation point) counted on; empty when none
 */
public record Deadline(
    DeadlineKind kind,
    TimeSpan span,
    Instant startedAt,
    Instant dueAt,
    List<WarningTime> warnings,
    Instant escalateAt,
    int revision,
    Instant metAt,
    WorkingDayCount count,
    List<Integer> provisionalYears) {

  public Deadline {
    if (warnings == null || warnings.isEmpty()) {
      throw new IllegalArgumentException(kind + " deadline needs at least one warning point");
    }
    warnings = warnings.stream().sorted(Comparator.comparing(WarningTime::at)).toList();
    provisionalYears = provisionalYears == null ? List.of() : provisionalYears.stream().sorted().distinct().toList();
  }

  /** A deadline that owes nothing to a working-day count or a provisional year. */
  public Deadline(DeadlineKind kind, TimeSpan span, Instant startedAt, Instant dueAt, List<WarningTime> warnings,
      Instant escalateAt, int revision, Instant metAt) {
    this(kind, span, startedAt, dueAt, warnings, escalateAt, revision, metAt, null, List.of());
  }

  /** Whether a year it counted on had no official holiday file: it moves when that file arrives. */
  public boolean isProvisional() {
    return !provisionalYears.isEmpty();
  }

  /** The first reminder. */
  public Instant warnAt() {
    return warnings.get(0).at();
  }

  public boolean isMet() {
    return metAt != null;
  }

  /** Met in time, i.e. at or before the deadline. */
  public boolean isMetInTime() {
    return metAt != null && !metAt.isAfter(dueAt);
  }

  /** Missed: open past its deadline, or met late. */
  public boolean isMissed(Instant now) {
    return metAt == null ? now.isAfter(dueAt) : metAt.isAfter(dueAt);
  }

  Deadline met(Instant at) {
    return new Deadline(kind, span, startedAt, dueAt, warnings, escalateAt, revision, at, count, provisionalYears);
  }
}
