package org.open12345.hotline.escalation;

import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
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

  static FiredStep from(Row r) {
    Set<Audience> to = EnumSet.noneOf(Audience.class);
    Arrays.stream(r.getArrayOfStrings("audience")).map(Audience::valueOf).forEach(to::add);
    Set<NoticeChannel> via = EnumSet.noneOf(NoticeChannel.class);
    Arrays.stream(r.getArrayOfStrings("channels")).map(NoticeChannel::valueOf).forEach(via::add);
    return new FiredStep(r.getLong("id"), r.getLong("ticket_id"), r.getString("key"),
        DeadlineKind.valueOf(r.getString("deadline_kind")), StepKind.valueOf(r.getString("step_kind")),
        r.getInteger("level"), r.getOffsetDateTime("due_at").toInstant(),
        r.getOffsetDateTime("deadline_due_at").toInstant(), r.getString("department_id"), to, via,
        r.getBoolean("circulate"), r.getInteger("revision"), r.getOffsetDateTime("fired_at").toInstant(),
        r.getString("number"), r.getString("description"));
  }

  /** How late the deadline is at firing; negative = time left (a reminder). */
  public Duration lateBy() {
    return Duration.between(deadlineDueAt, firedAt);
  }
}
