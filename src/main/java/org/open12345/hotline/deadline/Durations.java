package org.open12345.hotline.deadline;

import java.time.Duration;

/** Durations as the messages and views show them: 1天3小时, 2小时15分钟, 45分钟. */
public final class Durations {
  private Durations() {}

  public static String chinese(Duration d) {
    long minutes = Math.abs(d.toMinutes());
    long days = minutes / (24 * 60);
    long hours = (minutes / 60) % 24;
    long mins = minutes % 60;
    StringBuilder b = new StringBuilder();
    if (days > 0) b.append(days).append("天");
    if (hours > 0) b.append(hours).append("小时");
    if (mins > 0 && days == 0) b.append(mins).append("分钟");
    return b.length() == 0 ? "不到1分钟" : b.toString();
  }
}
