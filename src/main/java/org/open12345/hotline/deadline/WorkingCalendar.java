package org.open12345.hotline.deadline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which days are working days in China: Monday to Friday, except the State Council's holidays,
 * plus the weekend days worked in exchange (调休). Only years with a holiday file are known; asking
 * about any other year throws {@link CalendarMissingException}.
 */
public final class WorkingCalendar {

  private enum Override {
    OFF,
    WORKED
  }

  private final SortedSet<Integer> years;
  private final Map<LocalDate, Override> overrides;
  private final Map<LocalDate, String> holidayNames;

  private WorkingCalendar(
      SortedSet<Integer> years, Map<LocalDate, Override> overrides, Map<LocalDate, String> names) {
    this.years = Collections.unmodifiableSortedSet(years);
    this.overrides = Map.copyOf(overrides);
    this.holidayNames = Map.copyOf(names);
  }

  /**
   * Loads every {@code YYYY.yaml} of a folder (normally {@code routing-rules/calendar}). Other
   * files (README.md) are ignored; a YAML file not named after its year is an error, because its
   * holidays would otherwise be silently unused.
   *
   * @throws CalendarFileException for a missing folder or a malformed file ({@code file:line: ...})
   */
  public static WorkingCalendar load(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new CalendarFileException(folder + ": no such calendar folder");
    }
    Map<String, HolidayYear> files = new LinkedHashMap<>();
    List<Path> paths;
    try (Stream<Path> s = Files.list(folder)) {
      paths = s.sorted().toList();
    } catch (IOException e) {
      throw new CalendarFileException(folder + ": cannot list: " + e.getMessage());
    }
    for (Path p : paths) {
      String name = p.getFileName().toString();
      if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
        continue;
      }
      Integer year =
          HolidayFileParser.yearOfFileName(name)
              .orElseThrow(
                  () -> new CalendarFileException(p + ":1: a calendar file must be named YYYY.yaml"));
      String text;
      try {
        text = Files.readString(p, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CalendarFileException(p + ":1: cannot read: " + e.getMessage());
      }
      files.put(p.toString(), HolidayFileParser.parse(p.toString(), text, year));
    }
    return of(files);
  }

  /** Builds a calendar from parsed files, keyed by file name (used in conflict messages). */
  public static WorkingCalendar of(Map<String, HolidayYear> files) {
    SortedSet<Integer> years = new TreeSet<>();
    Map<LocalDate, Override> overrides = new HashMap<>();
    Map<LocalDate, String> names = new HashMap<>();
    Map<LocalDate, String> origin = new HashMap<>();
    Map<Integer, String> yearFile = new HashMap<>();
    for (Map.Entry<String, HolidayYear> f : files.entrySet()) {
      HolidayYear y = f.getValue();
      String previous = yearFile.put(y.year(), f.getKey());
      if (previous != null) {
        throw new CalendarFileException(f.getKey() + ":1: year " + y.year() + " is also in " + previous);
      }
      years.add(y.year());
      for (Holiday h : y.holidays()) {
        for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
          put(overrides, origin, d, Override.OFF, f.getKey());
          names.put(d, h.name());
        }
        for (LocalDate d : h.worked()) {
          put(overrides, origin, d, Override.WORKED, f.getKey());
        }
      }
    }
    return new WorkingCalendar(years, overrides, names);
  }

  private static void put(
      Map<LocalDate, Override> overrides,
      Map<LocalDate, String> origin,
      LocalDate d,
      Override o,
      String file) {
    Override before = overrides.put(d, o);
    if (before != null && before != o) {
      throw new CalendarFileException(
          file + ":1: " + d + " is " + o + " here but " + before + " in " + origin.get(d));
    }
    origin.putIfAbsent(d, file);
  }

  /** @throws CalendarMissingException when the day's year has no holiday file */
  public boolean isWorkingDay(LocalDate day) {
    if (!years.contains(day.getYear())) {
      throw new CalendarMissingException(day.getYear());
    }
    Override o = overrides.get(day);
    if (o != null) {
      return o == Override.WORKED;
    }
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  /** The n-th working day strictly after {@code day} (n ≥ 1). */
  public LocalDate nthWorkingDayAfter(LocalDate day, int n) {
    requirePositive(n);
    LocalDate d = day;
    for (int found = 0; found < n; ) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        found++;
      }
    }
    return d;
  }

  /** The n-th working day strictly before {@code day} (n ≥ 1). */
  public LocalDate nthWorkingDayBefore(LocalDate day, int n) {
    requirePositive(n);
    LocalDate d = day;
    for (int found = 0; found < n; ) {
      d = d.minusDays(1);
      if (isWorkingDay(d)) {
        found++;
      }
    }
    return d;
  }

  /** Working days in {@code [fromInclusive, toExclusive)}; 0 when the range is empty. */
  public int workingDaysBetween(LocalDate fromInclusive, LocalDate toExclusive) {
    int n = 0;
    for (LocalDate d = fromInclusive; d.isBefore(toExclusive); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }

  /** The name of the holiday the day is off for (春节, 国庆节, ...), if any. */
  public Optional<String> holidayOn(LocalDate day) {
    return Optional.ofNullable(holidayNames.get(day));
  }

  public SortedSet<Integer> years() {
    return years;
  }

  public boolean covers(int year) {
    return years.contains(year);
  }

  /** Years in {@code [fromYear, toYear]} that have no holiday file, in order. */
  public List<Integer> missingYears(int fromYear, int toYear) {
    List<Integer> missing = new ArrayList<>();
    for (int y = fromYear; y <= toYear; y++) {
      if (!years.contains(y)) {
        missing.add(y);
      }
    }
    return missing;
  }

  /**
   * Warnings to log at startup: the current year and the next must have files, because a
   * 15-working-day deadline set in December ends in January.
   */
  public List<String> startupWarnings(LocalDate today) {
    List<String> warnings = new ArrayList<>();
    for (int y : missingYears(today.getYear(), today.getYear() + 1)) {
      warnings.add(
          "no holiday calendar for "
              + y
              + " (routing-rules/calendar/"
              + y
              + ".yaml): working-day deadlines reaching into "
              + y
              + " will fail until the State Council's schedule is added");
    }
    return warnings;
  }

  private static void requirePositive(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1: " + n);
    }
  }
}
