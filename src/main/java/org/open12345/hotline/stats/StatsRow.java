package org.open12345.hotline.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One row of figures: a period (null when the query is not split), a key (department id or
 * category code; null for "no department" or for the total) with its display name, and every
 * {@link FigureDefinition}'s value in declaration order.
 */
public record StatsRow(LocalDate period, String key, String name, List<FigureValue> figures) {

  public FigureValue figure(FigureDefinition f) {
    return figures.stream().filter(v -> v.figure() == f).findFirst().orElseThrow();
  }

  /**
   * Rows from the database's long-form counts, in the order the counts came (period, then key).
   * A figure with no count in a row is 0 of 0 (the row exists through another figure); a figure
   * that does not apply is marked unavailable. Nothing is counted here.
   *
   * @param departmentRows the rows count departments' tickets (direct answers do not apply)
   */
  static List<StatsRow> assemble(List<StatsRepository.Count> counts, boolean departmentRows,
      Function<String, String> names) {
    Map<List<Object>, Map<FigureDefinition, FigureValue>> byRow = new LinkedHashMap<>();
    for (StatsRepository.Count c : counts) {
      FigureDefinition f = FigureDefinition.byId(c.figure())
          .orElseThrow(() -> new IllegalStateException("the SQL names an unknown figure " + c.figure()));
      byRow.computeIfAbsent(key(c.period(), c.key()), k -> new EnumMap<>(FigureDefinition.class))
          .put(f, FigureValue.of(f, c.numerator(), c.denominator()));
    }
    List<StatsRow> out = new ArrayList<>();
    byRow.forEach((k, values) -> {
      List<FigureValue> figures = new ArrayList<>();
      for (FigureDefinition f : FigureDefinition.values()) {
        figures.add(f.unavailableReason(departmentRows).map(reason -> FigureValue.unavailable(f, reason))
            .orElseGet(() -> values.getOrDefault(f, FigureValue.of(f, 0, 0))));
      }
      String key = (String) k.get(1);
      out.add(new StatsRow((LocalDate) k.get(0), key, names.apply(key), List.copyOf(figures)));
    });
    return out;
  }

  private static List<Object> key(LocalDate period, String key) {
    List<Object> k = new ArrayList<>(2);
    k.add(period);
    k.add(key);
    return k;
  }
}
