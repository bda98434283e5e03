package org.open12345.hotline.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.open12345.hotline.deadline.DeadlineKind;

/**
 * A ladder step that will fire at {@code dueAt} unless its deadline is met first.
 *
 * @param key exactly-once key: {@code ticketId:deadlineKind:stepKind}, with {@code @point} for one
 *     of several reminders of a deadline, and {@code #revision} appended from the first re-dispatch
 *     or extension on (a new round is a new step)
 * @param deadlineDueAt the deadline the step is about, for "late by" in the message
 */
public record PlannedStep(
    String key,
    String ticketId,
    DeadlineKind deadlineKind,
    StepKind stepKind,
    int level,
    Instant dueAt,
    Instant deadlineDueAt,
    Set<Audience> to,
    Set<NoticeChannel> via,
    boolean circulate) {

  /**
   * @param point the warning point a reminder is for ({@code 4h}, {@code 75%}) when its deadline has
   *     several, else null
   */
  public static String key(String ticketId, DeadlineKind kind, StepKind step, String point, int revision) {
    String base = ticketId + ":" + kind + ":" + step + (point == null ? "" : "@" + point);
    return revision == 0 ? base : base + "#" + revision;
  }

  /** The revision a key names: the number after {@code #}, 0 without one. */
  static int revisionOf(String key) {
    int hash = key.lastIndexOf('#');
    return hash < 0 ? 0 : Integer.parseInt(key.substring(hash + 1));
  }

  /** How late the deadline is when this step fires; zero or negative for a reminder (time left). */
  public Duration lateness() {
    return Duration.between(deadlineDueAt, dueAt);
  }
}
