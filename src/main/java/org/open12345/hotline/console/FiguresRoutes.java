package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.stats.FigureDefinition;
import org.open12345.hotline.stats.FigureValue;
import org.open12345.hotline.stats.StatsCsv;
import org.open12345.hotline.stats.StatsQuery;
import org.open12345.hotline.stats.StatsReport;
import org.open12345.hotline.stats.StatsRow;
import org.open12345.hotline.stats.StatsService;

/**
 * The figures page ({@code /console/supervisor/figures?month=yyyy-MM}): 三率 and the other rates
 * per department for one month, each with its numerator and denominator and the definitions, and
 * a link to the same figures as CSV from {@code /api/stats/departments} (the API takes the
 * console's session cookie for GETs and applies the same scope). The centre (dispatchers,
 * supervisors) sees every department; a department's staff see their own sub-tree only, as the
 * API allows them.
 */
final class FiguresRoutes {
  private final ConsoleSession session;
  private final ConsoleView view;
  private final StatsService stats;
  private final Clock clock;
  private final ZoneId zone;
  private final DepartmentOptions departments;

  FiguresRoutes(ConsoleSession session, ConsoleView view, StatsService stats, Clock clock, ZoneId zone,
      DepartmentOptions departments) {
    this.session = session;
    this.view = view;
    this.stats = stats;
    this.clock = clock;
    this.zone = zone;
    this.departments = departments;
  }

  void mount(Router root) {
    root.get("/console/supervisor/figures").handler(ctx -> session.page(ctx,
        EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR, Role.DEPARTMENT), viewer -> figures(ctx, viewer)));
  }

  private Future<Void> figures(RoutingContext ctx, Viewer viewer) {
    YearMonth month = month(ctx.queryParams().get("month"));
    if (month == null) {
      view.message(ctx, 400, viewer, "月份有误", "请按“年-月”选择月份，例如 2026-11。");
      return Future.succeededFuture();
    }
    Set<String> scope = viewer.role() == Role.DEPARTMENT ? stats.scopeOf(viewer.actor().department()) : null;
    String department = blankToNull(ctx.queryParams().get("department"));
    boolean rollup = "true".equals(ctx.queryParams().get("rollup"));
    StatsQuery q = new StatsQuery(month.atDay(1), month.atEndOfMonth(), StatsQuery.Grouping.DEPARTMENT,
        StatsQuery.Interval.NONE, department, rollup, null);
    // The trend: the twelve months up to this one, the department's (its sub-tree's when rolled up)
    // or, with none chosen, every department's together (the totals of each month).
    StatsQuery trend = new StatsQuery(month.minusMonths(11).atDay(1), month.atEndOfMonth(),
        StatsQuery.Grouping.DEPARTMENT, StatsQuery.Interval.MONTH, department, rollup, null);
    Future<StatsReport> table = stats.departments(q, scope);
    Future<StatsReport> months = stats.departments(trend, scope);
    return Future.all(table, months).map(v -> {
      Map<String, Object> values = values(month, table.result());
      values.put("trend", FiguresTrend.chart(month, months.result(), department).encode());
      values.put("trendOf", department == null ? "全部单位" : departments.name(department)
          + (rollup ? "（含下级单位）" : ""));
      values.put("department", department == null ? "" : department);
      values.put("rollup", rollup);
      values.put("departments", departments.picker().stream()
          .filter(d -> scope == null || scope.contains(d.get("id"))).toList());
      values.put("csv", csv(month, department, rollup));
      values.put("current", "figures");
      view.send(ctx, 200, "supervisor/figures", viewer, values);
      return null;
    });
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The same figures from the API as CSV (the API takes the console's session for GETs). */
  static String csv(YearMonth month, String department, boolean rollup) {
    return "/api/stats/departments?month=" + URLEncoder.encode(month.toString(), StandardCharsets.UTF_8)
        + (department == null ? "" : "&department=" + URLEncoder.encode(department, StandardCharsets.UTF_8))
        + (rollup ? "&rollup=true" : "") + "&format=csv";
  }

  /** The month asked for, this month when none is; null when the text is not a month. */
  private YearMonth month(String text) {
    if (text == null || text.isBlank()) {
      return YearMonth.from(clock.instant().atZone(zone));
    }
    try {
      return YearMonth.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Map<String, Object> values(YearMonth month, StatsReport report) {
    List<Map<String, Object>> heads = new ArrayList<>();
    for (FigureDefinition f : FigureDefinition.values()) {
      heads.add(Map.of("id", f.id(), "label", f.label(), "definition", f.definition()));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (StatsRow r : report.rows()) {
      rows.add(row(r.key() == null ? "" : r.key(), r.name(), r));
    }
    List<Map<String, Object>> totals = new ArrayList<>();
    for (StatsRow r : report.totals()) {
      totals.add(row("", "合计", r));
    }
    Map<String, Object> v = new HashMap<>();
    v.put("month", month.toString());
    v.put("figures", heads);
    v.put("rows", rows);
    v.put("totals", totals);
    v.put("chart", chart(report.rows()).encode());
    return v;
  }

  /**
   * The ranking chart's data for console.js (read from a data attribute: the policy runs no
   * inline script): departments by 满意率, best first (none to measure last), with the three rates
   * in percent (null where there is nothing to measure).
   */
  static JsonObject chart(List<StatsRow> rows) {
    List<StatsRow> ranked = new ArrayList<>(rows);
    ranked.sort(Comparator.comparing((StatsRow r) -> r.figure(FigureDefinition.SATISFACTION_RATE).rate(),
        Comparator.nullsLast(Comparator.reverseOrder())));
    JsonArray names = new JsonArray();
    ranked.forEach(r -> names.add(r.name()));
    JsonArray series = new JsonArray();
    for (FigureDefinition f : List.of(FigureDefinition.RESPONSE_RATE, FigureDefinition.RESOLUTION_RATE,
        FigureDefinition.SATISFACTION_RATE)) {
      JsonArray data = new JsonArray();
      ranked.forEach(r -> {
        BigDecimal rate = r.figure(f).rate();
        data.add(rate == null ? null : rate.movePointRight(2).doubleValue());
      });
      series.add(new JsonObject().put("name", f.label()).put("data", data));
    }
    return new JsonObject().put("names", names).put("series", series);
  }

  /** One department's cells: the rate, and n/d for the title and the small text. */
  private static Map<String, Object> row(String key, String name, StatsRow r) {
    List<Map<String, Object>> cells = new ArrayList<>();
    for (FigureValue f : r.figures()) {
      Map<String, Object> c = new HashMap<>();
      c.put("id", f.figure().id());
      if (f.available()) {
        String rate = StatsCsv.percent(f.rate());
        c.put("rate", rate.isEmpty() ? "—" : rate);
        c.put("rawRate", f.rate() == null ? "" : f.rate().toPlainString());
        c.put("counts", f.numerator() + "/" + f.denominator());
        c.put("title", f.figure().label() + "：" + f.numerator() + " ÷ " + f.denominator());
      } else {
        c.put("rate", "不适用");
        c.put("rawRate", "");
        c.put("counts", "");
        c.put("title", f.unavailableReason());
      }
      cells.add(c);
    }
    return Map.of("key", key, "name", name == null ? "" : name, "cells", cells);
  }
}
