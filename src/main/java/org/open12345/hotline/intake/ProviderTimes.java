package org.open12345.hotline.intake;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/** Reads the local-time strings Chinese providers send; they mean Beijing time unless stated. */
public final class ProviderTimes {
  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private static final List<DateTimeFormatter> LOCAL_FORMATS =
      List.of(
          strict("uuuu-MM-dd HH:mm:ss"),
          strict("uuuu-MM-dd HH:mm:ss.SSS"),
          strict("uuuuMMddHHmmss"),
          strict("uuuu/MM/dd,HH:mm:ss:SSS"),
          strict("uuuu/MM/dd HH:mm:ss"));

  private ProviderTimes() {}

  private static DateTimeFormatter strict(String pattern) {
    return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * Parses {@code 2017-09-01 00:00:00}, {@code 20170901000000}, Huawei's
   * {@code 2022/02/22,10:04:29:004}, 13-digit epoch milliseconds, or ISO-8601 with an offset.
   */
  public static Instant parseLocal(String field, String value, ZoneId zone)
      throws PayloadException {
    String t = value.trim();
    if (t.matches("\\d{13}")) {
      return Instant.ofEpochMilli(Long.parseLong(t));
    }
    for (DateTimeFormatter f : LOCAL_FORMATS) {
      try {
        return LocalDateTime.parse(t, f).atZone(zone).toInstant();
      } catch (DateTimeParseException ignored) {
        // try the next documented shape
      }
    }
    return parseIso(field, t);
  }

  /** ISO-8601 with offset or Z ({@code 2024-05-01T08:30:00+08:00}). */
  public static Instant parseIso(String field, String value) throws PayloadException {
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(value.trim(), Instant::from);
    } catch (DateTimeException e) {
      throw new PayloadException(field, "unreadable time '" + value + "'");
    }
  }

  public static Instant ofEpochSeconds(String field, long seconds) throws PayloadException {
    // Anything before 2000 or after 2100 is a unit mistake (milliseconds) or garbage.
    if (seconds < 946_684_800L || seconds > 4_102_444_800L) {
      throw new PayloadException(field, "unix time out of range: " + seconds);
    }
    return Instant.ofEpochSecond(seconds);
  }
}
