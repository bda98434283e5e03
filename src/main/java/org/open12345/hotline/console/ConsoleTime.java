package org.open12345.hotline.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the console shows them: in the centre's zone, to the minute. */
final class ConsoleTime {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private final ZoneId zone;

  ConsoleTime(ZoneId zone) {
    this.zone = zone;
  }

  String format(Instant t) {
    return t == null ? "" : FORMAT.format(t.atZone(zone));
  }

  String format(String iso) {
    return iso == null ? "" : format(Instant.parse(iso));
  }
}
