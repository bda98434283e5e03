package org.open12345.hotline.deadline;

import java.math.BigDecimal;

/**
 * When a policy wants a 催办 reminder before one of its deadlines: a span before the deadline
 * ({@code warn_before: 4h}, {@code 1wd}) or a fraction of the allowed time elapsed
 * ({@code warn_at: 0.75}). Exactly one of {@code before} and {@code fraction} is set.
 *
 * <p>Written form ({@link #toString()}, {@link #parse}): the span ({@code 4h}, {@code 1wd}) or the
 * fraction as a percentage ({@code 75%}); it also names the reminder in its ladder step's key.
 */
public record WarningPoint(TimeSpan before, Double fraction) {

  public WarningPoint {
    if ((before == null) == (fraction == null)) {
      throw new IllegalArgumentException("a warning point is either a span before the deadline or a fraction");
    }
    if (fraction != null && !(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("a warning fraction must be between 0 and 1, not " + fraction);
    }
  }

  public static WarningPoint before(TimeSpan span) {
    return new WarningPoint(span, null);
  }

  public static WarningPoint at(double fraction) {
    return new WarningPoint(null, fraction);
  }

  /** The half-time point, used when a deadline has no warning point after its start. */
  public static final WarningPoint HALF_TIME = at(0.5);

  /** Reads the written form: {@code 75%} is a fraction, anything else a span. */
  public static WarningPoint parse(String text) {
    String t = text.trim();
    if (t.endsWith("%")) {
      return at(new BigDecimal(t.substring(0, t.length() - 1).trim()).movePointLeft(2).doubleValue());
    }
    return before(TimeSpan.parse(t));
  }

  public boolean isFraction() {
    return fraction != null;
  }

  @Override
  public String toString() {
    return before != null ? before.toString()
        : BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
