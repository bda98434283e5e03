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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Which days are working days in China: Monday to Friday, except the State Council's holidays,
 * plus the weekend days worked in exchange (调休). Years with a holiday file are known exactly.
 * Another year is either refused ({@link CalendarMissingException}: the strict calendar
 * {@link #load} gives) or, once {@link #withProvisionalYears()} is asked for, counted
 * provisionally from the statutory days off alone ({@link StatutoryHolidays}: weekends off, no
 * 调休) until its file arrives; {@link #isProvisional} tells which.
 */
public final class WorkingCalendar {

  private enum Override {
    OFF,
    WORKED
  }

  private final SortedSet<Integer> years;
  private final Map<LocalDate, Override> overrides;
  private final Map<LocalDate, String> holidayNames;
  /** Days off of years without a file, by year, computed once each; null = strict calendar. */
  private final Map<Integer, Map<LocalDate, String>> provisional;

  private WorkingCalendar(SortedSet<Integer> years, Map<LocalDate, Override> overrides, Map<LocalDate, String> names,
      boolean provisional) {
    this.years = Collections.unmodifiableSortedSet(years);
    this.overrides = Map.copyOf(overrides);
    this.holidayNames = Map.copyOf(names);
    this.provisional = provisional ? new ConcurrentHashMap<>() : null;
  }

  /**
   * The same calendar, but a year without a file (within the years {@link StatutoryHolidays}
   * computes) counts with its statutory days off and ordinary weekends instead of being refused:
   * a centre's clock never stops because a table is late. Deadlines counted so are marked
   * provisional by their callers ({@link #provisionalYears}).
   */
  public WorkingCalendar withProvisionalYears() {
    return new WorkingCalendar(new TreeSet<>(years), overrides, holidayNames, true);
  }

  /** Whether days of {@code year} are counted provisionally (no file, provisional years allowed). */
  public boolean isProvisional(int year) {
    return provisional != null && !years.contains(year) && StatutoryHolidays.supports(year);
  }

  /** The provisional years among the years of {@code from} to {@code to} (either order), in order. */
  public List<Integer> provisionalYears(LocalDate from, LocalDate to) {
    List<Integer> out = new ArrayList<>();
    int a = Math.min(from.getYear(), to.getYear());
    int b = Math.max(from.getYear(), to.getYear());
    for (int y = a; y <= b; y++) {
      if (isProvisional(y)) {
        out.add(y);
      }
    }
    return out;
  }

  private Map<LocalDate, String> statutoryDaysOff(int year) {
    return provisional.computeIfAbsent(year, y -> {
      Map<LocalDate, String> off = new HashMap<>();
      for (Holiday h : StatutoryHolidays.of(y).holidays()) {
        for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
          off.putIfAbsent(d, h.name());
        }
      }
      return Map.copyOf(off);
    });
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
    return new WorkingCalendar(years, overrides, names, false);
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

  /**
   * @throws CalendarMissingException when the day's year has no holiday file and is not counted
   *     provisionally
   */
  public boolean isWorkingDay(LocalDate day) {
    int year = day.getYear();
    boolean official = years.contains(year);
    if (!official && !isProvisional(year)) {
      throw new CalendarMissingException(year);
    }
    // A neighbouring year's file may name this day (a 元旦 break starting on 12-31): it wins.
    Override o = overrides.get(day);
    if (o != null) {
      return o == Override.WORKED;
    }
    if (!official && statutoryDaysOff(year).containsKey(day)) {
      return false;
    }
    return !isWeekend(day);
  }

  private static boolean isWeekend(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
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

  /** The name of the holiday the day is off for (春节, 国庆节, ...), if any; provisional years too. */
  public Optional<String> holidayOn(LocalDate day) {
    if (isProvisional(day.getYear())) {
      return Optional.ofNullable(statutoryDaysOff(day.getYear()).get(day));
    }
    return Optional.ofNullable(holidayNames.get(day));
  }

  /** The years that have a holiday file. */
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
   * Warnings to log at startup (and show in {@code /ready}): the current year and the next should
   * have files, because a 15-working-day deadline set in December ends in January.
   */
  public List<String> startupWarnings(LocalDate today) {
    List<String> warnings = new ArrayList<>();
    for (int y : missingYears(today.getYear(), today.getYear() + 1)) {
      String file = "routing-rules/calendar/" + y + ".yaml";
      warnings.add(isProvisional(y)
          ? y + " is provisional: no holiday calendar file (" + file + "), so working-day deadlines reaching into "
              + y + " count its statutory days off only, without 调休, and are recomputed when the State Council's"
              + " schedule is added"
          : "no holiday calendar for " + y + " (" + file + "): working-day deadlines reaching into " + y
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
