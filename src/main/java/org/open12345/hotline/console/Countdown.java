package org.open12345.hotline.console;

import java.time.Duration;
import java.time.Instant;

/**
 * How a queue shows time left on a deadline: 「剩余2小时15分」, and once it has passed
 * 「已超时3小时」 (in red, see {@link #overdue}). The console's script recounts the same text in
 * the browser every half minute ({@code console.js} mirrors {@link #span}).
 */
public final class Countdown {
  private Countdown() {}

  /** The text for a deadline due at {@code due}, seen at {@code now}. */
  public static String text(Instant due, Instant now) {
    Duration left = Duration.between(now, due);
    return left.isNegative() ? "已超时" + span(left.negated()) : "剩余" + span(left);
  }

  public static boolean overdue(Instant due, Instant now) {
    return due.isBefore(now);
  }

  /** 1天3小时, 2小时15分, 3小时, 45分, 不到1分: minutes are left out once days are shown. */
  static String span(Duration d) {
    long minutes = d.toMinutes();
    long days = minutes / (24 * 60);
    long hours = (minutes / 60) % 24;
    long mins = minutes % 60;
    StringBuilder b = new StringBuilder();
    if (days > 0) {
      b.append(days).append('天');
    }
    if (hours > 0) {
      b.append(hours).append("小时");
    }
    if (mins > 0 && days == 0) {
      b.append(mins).append('分');
    }
    return b.length() == 0 ? "不到1分" : b.toString();
  }
}
