package org.open12345.hotline.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which years the working-day arithmetic counts officially (a State Council holiday file),
 * provisionally (statutory days off only, no 调休) or not at all: every year with a file, and this
 * year and the next, which deadlines set now reach into.
 */
public final class CalendarYears {
  /** How a year's working days are counted. */
  public enum Basis {
    OFFICIAL("正式"),
    PROVISIONAL("临时（仅法定节假日，未含调休）"),
    MISSING("缺失（工作日时限无法计算）");

    private final String label;

    Basis(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One year and how it is counted. */
  public record Year(int year, Basis basis) {}

  private CalendarYears() {}

  /** The years of {@code calendar} and the current and next year of {@code today}, in order. */
  public static List<Year> of(WorkingCalendar calendar, LocalDate today) {
    SortedSet<Integer> years = new TreeSet<>(calendar.years());
    years.add(today.getYear());
    years.add(today.getYear() + 1);
    List<Year> out = new ArrayList<>();
    for (int y : years) {
      Basis b = calendar.covers(y) ? Basis.OFFICIAL : calendar.isProvisional(y) ? Basis.PROVISIONAL : Basis.MISSING;
      out.add(new Year(y, b));
    }
    return out;
  }
}
