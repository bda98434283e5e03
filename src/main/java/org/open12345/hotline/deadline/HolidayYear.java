package org.open12345.hotline.deadline;

import java.util.List;

/** The contents of one calendar file, {@code routing-rules/calendar/YYYY.yaml}. */
public record HolidayYear(int year, String source, List<Holiday> holidays) {

  public HolidayYear {
    holidays = List.copyOf(holidays);
  }
}
