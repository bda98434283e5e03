package org.open12345.hotline.deadline;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The days off that the law itself fixes for a year, before the State Council publishes the
 * year's schedule: 全国年节及纪念日放假办法 as revised in 2024 (in force since 2025-01-01) — 元旦
 * Jan 1; 春节 农历除夕 to 正月初三 (4 days); 清明节 the Qingming solar-term day; 劳动节 May 1–2;
 * 端午节 农历五月初五; 中秋节 农历八月十五; 国庆节 Oct 1–3. Years before 2025 follow the 2013
 * text (春节 初一 to 初三, 劳动节 May 1 only).
 *
 * <p>Lunar dates and the solar term come from {@code cn.6tail:lunar} (its conversion only: its
 * own holiday table ends in 2023). No weekend day is worked in exchange (调休) and no bridge day
 * is added: those are the State Council's yearly decision and are never guessed.
 */
public final class StatutoryHolidays {

  /** The first year the 2024 revision applies to. */
  static final int REVISION_2024 = 2025;
  /** Years the lunar conversion is used for; beyond them a working-day count still refuses. */
  static final int FIRST_YEAR = 1901;
  static final int LAST_YEAR = 2199;

  public static final String SOURCE = "全国年节及纪念日放假办法（2024年修订）规定的法定节假日；未含调休，临时日历";

  private StatutoryHolidays() {}

  public static boolean supports(int year) {
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }

  /**
   * The statutory days off of {@code year} as a holiday year without worked days. Two holidays
   * may share a day (中秋节 on Oct 3 in 2028): the day is off once.
   *
   * @throws IllegalArgumentException for a year outside {@link #supports}
   */
  public static HolidayYear of(int year) {
    if (!supports(year)) {
      throw new IllegalArgumentException("no statutory holiday computation for " + year);
    }
    boolean revised = year >= REVISION_2024;
    LocalDate springFestival = date(Lunar.fromYmd(year, 1, 1).getSolar());
    List<Holiday> out = new ArrayList<>();
    out.add(day("元旦", LocalDate.of(year, 1, 1)));
    out.add(range("春节", revised ? springFestival.minusDays(1) : springFestival, springFestival.plusDays(2)));
    // The lunar year that holds April 1 began at the Spring Festival, so its table has this year's 清明.
    out.add(day("清明节", date(Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable().get("清明"))));
    out.add(range("劳动节", LocalDate.of(year, 5, 1), LocalDate.of(year, 5, revised ? 2 : 1)));
    out.add(day("端午节", date(Lunar.fromYmd(year, 5, 5).getSolar())));
    out.add(day("中秋节", date(Lunar.fromYmd(year, 8, 15).getSolar())));
    out.add(range("国庆节", LocalDate.of(year, 10, 1), LocalDate.of(year, 10, 3)));
    return new HolidayYear(year, SOURCE, out);
  }

  private static Holiday day(String name, LocalDate d) {
    return range(name, d, d);
  }

  private static Holiday range(String name, LocalDate from, LocalDate to) {
    return new Holiday(name, from, to, List.of());
  }

  private static LocalDate date(Solar s) {
    return LocalDate.of(s.getYear(), s.getMonth(), s.getDay());
  }
}
