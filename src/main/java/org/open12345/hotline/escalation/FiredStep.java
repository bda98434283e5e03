package org.open12345.hotline.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.open12345.hotline.deadline.DeadlineKind;

/** A step just claimed by the scheduler, with what its messages need of the ticket. */
public record FiredStep(
    long id,
    long ticketId,
    String key,
    DeadlineKind deadlineKind,
    StepKind stepKind,
    int level,
    Instant dueAt,
    Instant deadlineDueAt,
    String departmentId,
    Set<Audience> audience,
    Set<NoticeChannel> channels,
    boolean circulate,
    int revision,
    Instant firedAt,
    String ticketNumber,
    String description) {

  /** How late the deadline is at firing; negative = time left (a reminder). */
  public Duration lateBy() {
    return Duration.between(deadlineDueAt, firedAt);
  }
}
