package org.open12345.hotline.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.open12345.hotline.problem.InvalidField;

/**
 * What figures to compute: a period of local days (both ends included, in the centre's time
 * zone), how to group rows, whether to split the period into days or months, and which part of
 * the department tree or category tree to show. Checked on construction.
 *
 * @param department the root of the sub-tree to show, or null for every department
 * @param rollup each department row counts its whole sub-tree instead of its own tickets only
 * @param categoryPrefix only tickets whose category code starts with these digits, or null
 */
public record StatsQuery(LocalDate from, LocalDate to, Grouping grouping, Interval interval, String department,
    boolean rollup, String categoryPrefix) {

  /** Longest period one request may cover, and the longest split into days. */
  static final int MAX_DAYS = 732;
  static final int MAX_DAYS_BY_DAY = 92;
  private static final Pattern CATEGORY = Pattern.compile("\\d{1,12}");

  /** One row per department or per category code. */
  public enum Grouping { DEPARTMENT, CATEGORY }

  /** The period as one block, or split by local day or calendar month. */
  public enum Interval {
    NONE, DAY, MONTH;

    /** A row's period as this interval names it: 2026-11 (month), 2026-11-27 (day), null (none). */
    public String label(LocalDate periodStart) {
      if (periodStart == null) {
        return null;
      }
      return this == MONTH ? YearMonth.from(periodStart).toString() : periodStart.toString();
    }
  }

  public StatsQuery {
    if (from.isAfter(to)) {
      throw new InvalidField("from", "must not be after to (" + from + " > " + to + ")");
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > MAX_DAYS) {
      throw new InvalidField("to", "the period may cover at most " + MAX_DAYS + " days, not " + days);
    }
    if (interval == Interval.DAY && days > MAX_DAYS_BY_DAY) {
      throw new InvalidField("interval", "interval=day covers at most " + MAX_DAYS_BY_DAY + " days, not " + days);
    }
    if (categoryPrefix != null && !CATEGORY.matcher(categoryPrefix).matches()) {
      throw new InvalidField("category", "must be the leading digits of a category code, e.g. 0203");
    }
  }

  /**
   * Reads the query parameters of {@code GET /api/stats/departments}: {@code from} and {@code to}
   * (yyyy-MM-dd) or {@code month} (yyyy-MM), {@code group} (department, category),
   * {@code interval} (none, day, month), {@code department}, {@code rollup} (true, false),
   * {@code category}. Every refusal names the parameter.
   */
  public static StatsQuery parse(Function<String, String> param) {
    LocalDate[] period = period(param);
    return new StatsQuery(period[0], period[1],
        choice(param, "group", Grouping.class, Grouping.DEPARTMENT),
        choice(param, "interval", Interval.class, Interval.NONE),
        blankToNull(param.apply("department")),
        bool(param, "rollup"),
        blankToNull(param.apply("category")));
  }

  /** {@code month}, or {@code from} and {@code to}; one of the two forms is required. */
  static LocalDate[] period(Function<String, String> param) {
    String month = blankToNull(param.apply("month"));
    String from = blankToNull(param.apply("from"));
    String to = blankToNull(param.apply("to"));
    if (month != null) {
      if (from != null || to != null) {
        throw new InvalidField("month", "give either month or from and to, not both");
      }
      YearMonth m = month(month);
      return new LocalDate[] {m.atDay(1), m.atEndOfMonth()};
    }
    if (from == null) {
      throw new InvalidField("from", "is required (yyyy-MM-dd), or give month=yyyy-MM");
    }
    if (to == null) {
      throw new InvalidField("to", "is required (yyyy-MM-dd), or give month=yyyy-MM");
    }
    return new LocalDate[] {date(from, "from"), date(to, "to")};
  }

  static YearMonth month(String text) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidField("month", "must be a month like 2026-11, not '" + text + "'");
    }
  }

  static boolean bool(Function<String, String> param, String name) {
    String v = blankToNull(param.apply(name));
    if (v == null || v.equals("false")) {
      return false;
    }
    if (v.equals("true")) {
      return true;
    }
    throw new InvalidField(name, "must be true or false, not '" + v + "'");
  }

  private static LocalDate date(String text, String name) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidField(name, "must be a date like 2026-11-27, not '" + text + "'");
    }
  }

  private static <E extends Enum<E>> E choice(Function<String, String> param, String name, Class<E> type, E dflt) {
    String v = blankToNull(param.apply(name));
    if (v == null) {
      return dflt;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v.toUpperCase(Locale.ROOT))) {
        return e;
      }
    }
    StringBuilder known = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      known.append(known.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
    }
    throw new InvalidField(name, "must be one of " + known + ", not '" + v + "'");
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }
}
