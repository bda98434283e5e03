package org.open12345.hotline.deadline;

import java.time.LocalDate;

/**
 * How a working-day deadline was counted: the end of the {@code days}-th working day after the
 * day {@code after}. Kept with the deadline so that it can be counted again when the calendar
 * changes (a provisional year's official file arrives) without guessing how it was derived.
 * {@code 0wd} ("the same working day") is the first working day after the day before receipt.
 */
public record WorkingDayCount(LocalDate after, int days) {

  public WorkingDayCount {
    if (after == null || days < 1) {
      throw new IllegalArgumentException("a working-day count needs a day and at least one day: " + after + ", " + days);
    }
  }

  /** The same count, {@code more} working days longer (an extension, the days a pause held). */
  public WorkingDayCount plus(int more) {
    return more == 0 ? this : new WorkingDayCount(after, days + more);
  }
}
