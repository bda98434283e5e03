package org.open12345.hotline.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Deadline arithmetic as a 12345 centre counts time (rules in docs/deadlines.md):
 *
 * <ul>
 *   <li>minutes and hours: clock time, around the clock;
 *   <li>natural days: the same local clock time N days later (in Asia/Shanghai, without daylight
 *       saving, exactly N×24h);
 *   <li>working days: counted from the day after receipt; the deadline is the end of the N-th
 *       working day ({@link #endOfWorkingDay()}, by default 24:00). {@code 0wd} means "the same
 *       day": the end of the day of receipt if it is a working day whose end has not passed,
 *       otherwise the end of the next working day.
 * </ul>
 */
public final class DeadlineCalculator {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /**
   * 24:00, the end of the last day (Civil Code art. 203: 期间的最后一日的截止时间为二十四时). Held as the
   * last microsecond of the day so the deadline keeps its own date and survives PostgreSQL's
   * microsecond timestamps unrounded.
   */
  public static final LocalTime MIDNIGHT_END = LocalTime.of(23, 59, 59, 999_999_000);

  private final WorkingCalendar calendar;
  private final Clock clock;
  private final ZoneId zone;
  private final LocalTime endOfWorkingDay;

  /** Asia/Shanghai, working days ending at 24:00. */
  public DeadlineCalculator(WorkingCalendar calendar, Clock clock) {
    this(calendar, clock, CHINA, MIDNIGHT_END);
  }

  public DeadlineCalculator(
      WorkingCalendar calendar, Clock clock, ZoneId zone, LocalTime endOfWorkingDay) {
    if (calendar == null || clock == null || zone == null || endOfWorkingDay == null) {
      throw new IllegalArgumentException("calendar, clock, zone and end of working day are required");
    }
    this.calendar = calendar;
    this.clock = clock;
    this.zone = zone;
    this.endOfWorkingDay = endOfWorkingDay;
  }

  /** The same arithmetic over another calendar (the calendar folder was reloaded). */
  public DeadlineCalculator withCalendar(WorkingCalendar other) {
    return new DeadlineCalculator(other, clock, zone, endOfWorkingDay);
  }

  /** Parses a configured end of working day: {@code 24:00} (the default) or a time like {@code 18:00}. */
  public static LocalTime parseEndOfDay(String text) {
    String t = text == null ? "" : text.trim();
    if (t.equals("24:00") || t.equals("24:00:00")) {
      return MIDNIGHT_END;
    }
    try {
      return LocalTime.parse(t);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "bad end of working day '" + text + "' (use HH:mm, e.g. 18:00, or 24:00)");
    }
  }

  /**
   * The deadline {@code span} after {@code from}.
   *
   * @throws CalendarMissingException when a working-day count needs a year without holiday file
   */
  public Instant add(Instant from, TimeSpan span) {
    long n = span.amount();
    return switch (span.unit()) {
      case MINUTES -> from.plus(Duration.ofMinutes(n));
      case HOURS -> from.plus(Duration.ofHours(n));
      case NATURAL_DAYS -> from.atZone(zone).plusDays(n).toInstant();
      case WORKING_DAYS -> dueOf(count(from, span));
    };
  }

  /**
   * The count behind a working-day span from {@code from}: N working days after the day of
   * receipt; {@code 0wd} the day of receipt itself if it is a working day whose end has not
   * passed, else the next working day.
   */
  public WorkingDayCount count(Instant from, TimeSpan span) {
    if (span.unit() != TimeSpan.Unit.WORKING_DAYS) {
      throw new IllegalArgumentException("not a working-day span: " + span);
    }
    LocalDate day = dateOf(from);
    if (span.amount() == 0) {
      return new WorkingDayCount(from.isBefore(endOf(day)) ? day.minusDays(1) : day, 1);
    }
    return new WorkingDayCount(day, toInt(span.amount()));
  }

  /** The end of the counted working day, by this calculator's calendar. */
  public Instant dueOf(WorkingDayCount count) {
    return endOf(calendar.nthWorkingDayAfter(count.after(), count.days()));
  }

  /**
   * Like {@link #add(Instant, TimeSpan)}, but minutes and hours count only within the
   * department's office hours on working days (a "working hours" policy). Day spans are unchanged.
   */
  public Instant add(Instant from, TimeSpan span, BusinessHours hours) {
    return switch (span.unit()) {
      case MINUTES -> hours.add(from, Duration.ofMinutes(span.amount()), calendar, zone);
      case HOURS -> hours.add(from, Duration.ofHours(span.amount()), calendar, zone);
      default -> add(from, span);
    };
  }

  /**
   * The instant {@code span} before {@code to} (used for warning points). Working days: the end
   * of the N-th working day before the day of {@code to}, so "1wd before the end of 03-11" is the
   * end of 03-10.
   */
  public Instant subtract(Instant to, TimeSpan span) {
    long n = span.amount();
    return switch (span.unit()) {
      case MINUTES -> to.minus(Duration.ofMinutes(n));
      case HOURS -> to.minus(Duration.ofHours(n));
      case NATURAL_DAYS -> to.atZone(zone).minusDays(n).toInstant();
      case WORKING_DAYS -> n == 0 ? to : endOf(calendar.nthWorkingDayBefore(dateOf(to), toInt(n)));
    };
  }

  /** Moves a working-day deadline {@code days} working days later, keeping it at end of day. */
  public Instant addWorkingDays(Instant due, int days) {
    return days == 0 ? due : endOf(calendar.nthWorkingDayAfter(dateOf(due), days));
  }

  /** Working days lost to a pause: those at whose end the clock was stopped (docs/deadlines.md). */
  public int workingDaysPaused(Instant pausedAt, Instant resumedAt) {
    return calendar.workingDaysBetween(dateOf(pausedAt), dateOf(resumedAt));
  }

  public Instant endOf(LocalDate day) {
    return day.atTime(endOfWorkingDay).atZone(zone).toInstant();
  }

  public LocalDate dateOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  public Instant now() {
    return clock.instant();
  }

  /** Time left until {@code due}; negative once it has passed. */
  public Duration timeLeft(Instant due) {
    return Duration.between(now(), due);
  }

  public WorkingCalendar calendar() {
    return calendar;
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalTime endOfWorkingDay() {
    return endOfWorkingDay;
  }

  private static int toInt(long n) {
    if (n > 3660) {
      throw new IllegalArgumentException("a working-day span of " + n + " days is not a deadline");
    }
    return (int) n;
  }
}
