package org.open12345.hotline.deadline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as hotline rules state it: clock minutes or hours, natural days, or working days.
 * Working days cannot be turned into a fixed number of minutes: they need a holiday calendar.
 *
 * <p>Written form (rule files, config): {@code 30m}, {@code 2h}, {@code 7d}, {@code 15wd}.
 */
public record TimeSpan(long amount, Unit unit) {

  public enum Unit {
    MINUTES("m"),
    HOURS("h"),
    NATURAL_DAYS("d"),
    WORKING_DAYS("wd");

    private final String suffix;

    Unit(String suffix) {
      this.suffix = suffix;
    }

    public String suffix() {
      return suffix;
    }
  }

  private static final Pattern FORM = Pattern.compile("(\\d{1,6})\\s*(m|min|h|d|wd)");

  public TimeSpan {
    if (amount < 0) {
      throw new IllegalArgumentException("a time span cannot be negative: " + amount);
    }
    if (unit == null) {
      throw new IllegalArgumentException("a time span needs a unit");
    }
  }

  /**
   * Parses the written form.
   *
   * @throws IllegalArgumentException naming the accepted forms when the text is not one of them
   */
  public static TimeSpan parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("missing duration (use e.g. 30m, 2h, 7d, 15wd)");
    }
    Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "bad duration '" + text + "' (use minutes 30m, hours 2h, natural days 7d or working days 15wd)");
    }
    long amount = Long.parseLong(m.group(1));
    Unit unit =
        switch (m.group(2)) {
          case "m", "min" -> Unit.MINUTES;
          case "h" -> Unit.HOURS;
          case "d" -> Unit.NATURAL_DAYS;
          default -> Unit.WORKING_DAYS;
        };
    return new TimeSpan(amount, unit);
  }

  @Override
  public String toString() {
    return amount + unit.suffix();
  }
}
