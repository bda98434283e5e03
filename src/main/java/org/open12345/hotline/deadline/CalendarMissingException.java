package org.open12345.hotline.deadline;

/**
 * A working-day computation needed a day of a year that has no holiday file. Thrown instead of
 * guessing, because a guessed 调休 schedule silently moves deadlines by days.
 */
public class CalendarMissingException extends RuntimeException {

  private final int year;

  public CalendarMissingException(int year) {
    super(
        "no holiday calendar for "
            + year
            + ": add routing-rules/calendar/"
            + year
            + ".yaml from the State Council's schedule before computing working days in "
            + year);
    this.year = year;
  }

  public int year() {
    return year;
  }
}
