package org.open12345.hotline.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Locale;

/** The JSON answers of {@code /api/stats/*} (schemas StatsReport and Publication in openapi.yaml). */
final class StatsJson {
  private StatsJson() {}

  static JsonObject report(StatsReport r) {
    StatsQuery q = r.query();
    boolean byCategory = q.grouping() == StatsQuery.Grouping.CATEGORY;
    JsonArray rows = new JsonArray();
    r.rows().forEach(row -> rows.add(row(row, q.interval(), byCategory ? "category_code" : "department_id",
        byCategory ? null : "department_name")));
    JsonArray totals = new JsonArray();
    r.totals().forEach(row -> totals.add(row(row, q.interval(), null, null)));
    return new JsonObject()
        .put("from", q.from().toString())
        .put("to", q.to().toString())
        .put("timezone", r.zone().getId())
        .put("group", lower(q.grouping()))
        .put("interval", lower(q.interval()))
        .put("department", q.department())
        .put("rollup", q.rollup())
        .put("category", q.categoryPrefix())
        .put("generated_at", r.generatedAt().toString())
        .put("rows", rows)
        .put("totals", totals);
  }

  static JsonObject publication(Publication p) {
    JsonArray entries = new JsonArray();
    for (PublicationEntry e : p.entries()) {
      entries.add(new JsonObject()
          .put("rank", e.rank())
          .put("department_id", e.departmentId())
          .put("department_name", e.departmentName())
          .put("score", number(e.score()))
          .put("response_rate", figure(e.response()).put("rank", e.responseRank()))
          .put("resolution_rate", figure(e.resolution()).put("rank", e.resolutionRank()))
          .put("satisfaction_rate", figure(e.satisfaction()).put("rank", e.satisfactionRank())));
    }
    return new JsonObject()
        .put("month", p.month().toString())
        .put("rollup", p.rollup())
        .put("generated_at", p.generatedAt().toString())
        .put("ranking_rule", PublicationRanking.RULE)
        .put("entries", entries);
  }

  static JsonObject figure(FigureValue v) {
    JsonObject o = new JsonObject()
        .put("name", v.figure().label())
        .put("numerator", v.numerator())
        .put("denominator", v.denominator())
        .put("rate", number(v.rate()))
        .put("available", v.available())
        .put("definition", v.figure().definition());
    if (!v.available()) {
      o.put("unavailable_reason", v.unavailableReason());
    }
    return o;
  }

  private static JsonObject row(StatsRow row, StatsQuery.Interval interval, String keyField, String nameField) {
    JsonObject o = new JsonObject().put("period", interval.label(row.period()));
    if (keyField != null) {
      o.put(keyField, row.key());
    }
    if (nameField != null) {
      o.put(nameField, row.name());
    }
    JsonObject figures = new JsonObject();
    row.figures().forEach(v -> figures.put(v.figure().id(), figure(v)));
    return o.put("figures", figures);
  }

  private static Double number(BigDecimal d) {
    return d == null ? null : d.doubleValue();
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
