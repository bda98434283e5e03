package org.open12345.hotline.routing;

import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time-of-day window {@code HH:MM-HH:MM}, start included, end excluded. When the end is not
 * after the start the window crosses midnight: {@code 22:00-06:00} is the night shift.
 */
public record TimeWindow(int startMinute, int endMinute) {
  private static final Pattern FORM = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

  /** Parses the written form; empty when malformed or when start equals end (an empty or full day is ambiguous). */
  public static Optional<TimeWindow> parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    int sh = Integer.parseInt(m.group(1));
    int sm = Integer.parseInt(m.group(2));
    int eh = Integer.parseInt(m.group(3));
    int em = Integer.parseInt(m.group(4));
    // 24:00 is allowed as an end so "18:00-24:00" reads naturally
    if (sh > 23 || sm > 59 || em > 59 || eh > 24 || (eh == 24 && em != 0)) {
      return Optional.empty();
    }
    int start = sh * 60 + sm;
    int end = (eh * 60 + em) % 1440;
    if (start == end) {
      return Optional.empty();
    }
    return Optional.of(new TimeWindow(start, end));
  }

  public boolean contains(int minuteOfDay) {
    return startMinute < endMinute
        ? minuteOfDay >= startMinute && minuteOfDay < endMinute
        : minuteOfDay >= startMinute || minuteOfDay < endMinute;
  }

  public boolean contains(LocalTime t) {
    return contains(t.getHour() * 60 + t.getMinute());
  }

  /** True when every minute of {@code other} lies in this window. */
  public boolean covers(TimeWindow other) {
    for (int m = other.startMinute; m != other.endMinute; m = (m + 1) % 1440) {
      if (!contains(m)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return fmt(startMinute) + "-" + fmt(endMinute);
  }

  private static String fmt(int minute) {
    return String.format("%02d:%02d", minute / 60, minute % 60);
  }
}
