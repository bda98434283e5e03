package org.open12345.hotline.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A department's office hours on working days, e.g. 08:30–12:00 and 14:00–17:30, for policies
 * whose hours count only in working time ("8 working hours"). Days off follow the
 * {@link WorkingCalendar}.
 */
public record BusinessHours(List<Period> periods) {

  /** One stretch of office time in a day, {@code [opens, closes)}. */
  public record Period(LocalTime opens, LocalTime closes) {
    public Period {
      if (!opens.isBefore(closes)) {
        throw new IllegalArgumentException("office hours must open before they close: " + opens + "-" + closes);
      }
    }
  }

  public BusinessHours {
    if (periods == null || periods.isEmpty()) {
      throw new IllegalArgumentException("business hours need at least one period");
    }
    periods = List.copyOf(periods);
    for (int i = 1; i < periods.size(); i++) {
      if (periods.get(i).opens().isBefore(periods.get(i - 1).closes())) {
        throw new IllegalArgumentException("business hour periods must be in order and not overlap: " + periods);
      }
    }
  }

  /** Parses {@code "08:30-12:00, 14:00-17:30"}. */
  public static BusinessHours parse(String text) {
    List<Period> out = new ArrayList<>();
    for (String part : text.split(",")) {
      String[] ends = part.trim().split("-");
      if (ends.length != 2) {
        throw new IllegalArgumentException("bad business hours '" + text + "' (use e.g. 08:30-12:00, 14:00-17:30)");
      }
      out.add(new Period(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim())));
    }
    return new BusinessHours(out);
  }

  /**
   * The instant when {@code workingTime} of office time has passed since {@code from}. Time outside
   * the periods and on days off does not count; a deadline that uses up a period exactly ends at
   * its closing time.
   *
   * @throws CalendarMissingException when the count reaches a year without holiday file
   */
  public Instant add(Instant from, Duration workingTime, WorkingCalendar calendar, ZoneId zone) {
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("working time cannot be negative: " + workingTime);
    }
    if (workingTime.isZero()) {
      return from;
    }
    Duration remaining = workingTime;
    LocalDate day = from.atZone(zone).toLocalDate();
    LocalTime notBefore = from.atZone(zone).toLocalTime();
    while (true) {
      if (calendar.isWorkingDay(day)) {
        for (Period p : periods) {
          LocalTime start = p.opens().isAfter(notBefore) ? p.opens() : notBefore;
          if (!start.isBefore(p.closes())) {
            continue;
          }
          Duration available = Duration.between(start, p.closes());
          if (remaining.compareTo(available) <= 0) {
            return day.atTime(start).plus(remaining).atZone(zone).toInstant();
          }
          remaining = remaining.minus(available);
        }
      }
      day = day.plusDays(1);
      notBefore = LocalTime.MIN;
    }
  }
}
