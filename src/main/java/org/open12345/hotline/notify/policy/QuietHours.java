package org.open12345.hotline.notify.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Hours in which no SMS goes to a citizen; messages wait until the quiet period ends, they are
 * not dropped. Staff alerts are not subject to this (the caller decides which messages are).
 * A period may run across midnight (22:00–08:00) or not (12:00–14:00); equal start and end
 * means no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

  public static final QuietHours DEFAULT =
      new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"));

  /** No quiet hours at all. */
  public static QuietHours none(ZoneId zone) {
    return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, zone);
  }

  public boolean isQuiet(Instant instant) {
    return !allowedFrom(instant).equals(instant);
  }

  /** {@code instant} itself when a citizen SMS may go out then, else the end of the quiet period. */
  public Instant allowedFrom(Instant instant) {
    if (start.equals(end)) {
      return instant;
    }
    ZonedDateTime local = instant.atZone(zone);
    LocalTime time = local.toLocalTime();
    LocalDate date = local.toLocalDate();
    boolean acrossMidnight = start.isAfter(end);
    if (acrossMidnight) {
      if (!time.isBefore(start)) {
        return endOn(date.plusDays(1));
      }
      if (time.isBefore(end)) {
        return endOn(date);
      }
      return instant;
    }
    if (!time.isBefore(start) && time.isBefore(end)) {
      return endOn(date);
    }
    return instant;
  }

  private Instant endOn(LocalDate date) {
    return ZonedDateTime.of(date, end, zone).toInstant();
  }
}
