package org.open12345.hotline.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.open12345.hotline.stats.FigureDefinition;
import org.open12345.hotline.stats.StatsReport;
import org.open12345.hotline.stats.StatsRow;

/**
 * The figures page's trend chart: 响应率, 解决率 and 满意率 month by month over the twelve months
 * up to the chosen one, for one department (its row, rolled up over its sub-tree when asked) or
 * for all departments together (the report's totals). A month with nothing to measure is null, a
 * gap in the line. Nothing is counted here: the rates are the report's.
 */
final class FiguresTrend {
  static final List<FigureDefinition> RATES = List.of(FigureDefinition.RESPONSE_RATE,
      FigureDefinition.RESOLUTION_RATE, FigureDefinition.SATISFACTION_RATE);

  private FiguresTrend() {}

  static JsonObject chart(YearMonth last, StatsReport report, String department) {
    List<StatsRow> source = department == null ? report.totals()
        : report.rows().stream().filter(r -> Objects.equals(department, r.key())).toList();
    Map<YearMonth, StatsRow> byMonth = new HashMap<>();
    for (StatsRow r : source) {
      LocalDate period = r.period();
      if (period != null) {
        byMonth.put(YearMonth.from(period), r);
      }
    }
    JsonArray months = new JsonArray();
    JsonArray series = new JsonArray();
    List<YearMonth> all = java.util.stream.IntStream.rangeClosed(0, 11).mapToObj(i -> last.minusMonths(11 - i))
        .toList();
    all.forEach(m -> months.add(m.toString()));
    for (FigureDefinition f : RATES) {
      JsonArray data = new JsonArray();
      for (YearMonth m : all) {
        StatsRow row = byMonth.get(m);
        BigDecimal rate = row == null ? null : row.figure(f).rate();
        data.add(rate == null ? null : rate.movePointRight(2).doubleValue());
      }
      series.add(new JsonObject().put("name", f.label()).put("data", data));
    }
    return new JsonObject().put("kind", "line").put("names", months).put("series", series);
  }
}
