package org.open12345.hotline.deadline;

import java.util.Map;
import org.open12345.hotline.problem.Problem;

/**
 * A working-day computation needed a day of a year that has no holiday file. Thrown instead of
 * guessing, because a guessed 调休 schedule silently moves deadlines by days.
 */
public class CalendarMissingException extends Problem {

  private final int year;

  public CalendarMissingException(int year) {
    super(Kind.CONFLICT, "calendar_missing",
        "no holiday calendar for "
            + year
            + ": add routing-rules/calendar/"
            + year
            + ".yaml from the State Council's schedule before computing working days in "
            + year,
        Map.of("year", year, "file", "routing-rules/calendar/" + year + ".yaml"));
    this.year = year;
  }

  public int year() {
    return year;
  }
}
