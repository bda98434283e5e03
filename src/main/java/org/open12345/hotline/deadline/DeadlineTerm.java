package org.open12345.hotline.deadline;

import java.util.List;

/**
 * One deadline of a policy as a rule file states it: how long the department has, and every
 * point at which it is reminded. No warning point means "warn at half the allowed time".
 *
 * @param within the allowed span; {@code 0d} is the end of the same natural day, {@code 0wd} the
 *     end of the same working day
 * @param warnings in the order the rule file lists them ({@code warn_before} entries, then
 *     {@code warn_at}); each becomes one reminder
 */
public record DeadlineTerm(TimeSpan within, List<WarningPoint> warnings) {

  public DeadlineTerm {
    if (within == null) {
      throw new IllegalArgumentException("a deadline needs a span");
    }
    warnings = List.copyOf(warnings);
  }

  /** A deadline with at most one warning span before it (null = half time). */
  public static DeadlineTerm of(TimeSpan within, TimeSpan warnBefore) {
    return new DeadlineTerm(within, warnBefore == null ? List.of() : List.of(WarningPoint.before(warnBefore)));
  }
}
