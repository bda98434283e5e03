package org.open12345.hotline.deadline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The stored form of {@link TicketDeadlines} (column ticket_deadlines.state); lossless both ways.
 * Also reads the form stored before policies carried warning points per deadline (one
 * {@code warn_before} for the whole policy, one {@code warn_at} per deadline).
 */
public final class TicketDeadlinesJson {
  private TicketDeadlinesJson() {}

  public static JsonObject write(TicketDeadlines d) {
    DeadlinePolicy p = d.policy();
    JsonObject warnings = new JsonObject();
    JsonObject policy = new JsonObject().put("name", p.name());
    for (DeadlineKind k : DeadlineKind.values()) {
      DeadlineTerm t = p.termFor(k);
      policy.put(k.name().toLowerCase(), t == null ? null : t.within().toString());
      if (t != null) {
        warnings.put(k.name(), new JsonArray(t.warnings().stream().map(WarningPoint::toString).toList()));
      }
    }
    policy.put("warnings", warnings).put("escalate_after", str(p.escalateAfter()));
    JsonObject deadlines = new JsonObject();
    d.deadlines().forEach((k, dl) -> {
      JsonObject o = new JsonObject()
          .put("span", dl.span().toString())
          .put("started_at", dl.startedAt().toString())
          .put("due_at", dl.dueAt().toString())
          .put("warn_at", dl.warnAt().toString())
          .put("warnings", warningTimes(dl))
          .put("escalate_at", dl.escalateAt().toString())
          .put("revision", dl.revision())
          .put("met_at", str(dl.metAt()));
      if (dl.count() != null) {
        o.put("count", new JsonObject().put("after", dl.count().after().toString()).put("days", dl.count().days()));
      }
      if (dl.isProvisional()) {
        o.put("provisional_years", new JsonArray(dl.provisionalYears()));
      }
      deadlines.put(k.name(), o);
    });
    return new JsonObject().put("ticket", d.ticketId()).put("policy", policy)
        .put("dispatched_at", d.dispatchedAt().toString()).put("paused_at", str(d.pausedAt()))
        .put("deadlines", deadlines);
  }

  private static JsonArray warningTimes(Deadline dl) {
    JsonArray a = new JsonArray();
    dl.warnings().forEach(w -> a.add(new JsonObject().put("point", w.point().toString()).put("at", w.at().toString())));
    return a;
  }

  public static TicketDeadlines read(JsonObject j) {
    JsonObject p = j.getJsonObject("policy");
    JsonObject warnings = p.getJsonObject("warnings");
    // Before warning lists: one warn_before for every deadline of the policy.
    TimeSpan uniform = span(p, "warn_before");
    Map<DeadlineKind, DeadlineTerm> terms = new EnumMap<>(DeadlineKind.class);
    for (DeadlineKind k : DeadlineKind.values()) {
      TimeSpan within = span(p, k.name().toLowerCase());
      if (within != null) {
        terms.put(k, warnings == null ? DeadlineTerm.of(within, uniform)
            : new DeadlineTerm(within, points(warnings.getJsonArray(k.name()))));
      }
    }
    DeadlinePolicy policy = new DeadlinePolicy(p.getString("name"), terms.get(DeadlineKind.SIGN),
        terms.get(DeadlineKind.RESPOND), terms.get(DeadlineKind.RESOLVE), span(p, "escalate_after"));
    Map<DeadlineKind, Deadline> out = new EnumMap<>(DeadlineKind.class);
    JsonObject ds = j.getJsonObject("deadlines");
    for (String k : ds.fieldNames()) {
      JsonObject o = ds.getJsonObject(k);
      DeadlineKind kind = DeadlineKind.valueOf(k);
      out.put(kind, new Deadline(kind, TimeSpan.parse(o.getString("span")), instant(o, "started_at"),
          instant(o, "due_at"), warningTimes(o, uniform), instant(o, "escalate_at"), o.getInteger("revision"),
          instant(o, "met_at"), count(o.getJsonObject("count")), years(o.getJsonArray("provisional_years"))));
    }
    return new TicketDeadlines(j.getString("ticket"), policy, instant(j, "dispatched_at"), out,
        instant(j, "paused_at"));
  }

  /** Absent in rows stored before deadlines remembered their count. */
  private static WorkingDayCount count(JsonObject c) {
    return c == null ? null : new WorkingDayCount(LocalDate.parse(c.getString("after")), c.getInteger("days"));
  }

  private static List<Integer> years(JsonArray a) {
    List<Integer> out = new ArrayList<>();
    if (a != null) {
      a.forEach(y -> out.add(((Number) y).intValue()));
    }
    return out;
  }

  private static List<WarningPoint> points(JsonArray a) {
    List<WarningPoint> out = new ArrayList<>();
    if (a != null) {
      a.forEach(o -> out.add(WarningPoint.parse((String) o)));
    }
    return out;
  }

  /** @param uniform the old form's policy-wide warning span, which named its single warn_at */
  private static List<WarningTime> warningTimes(JsonObject o, TimeSpan uniform) {
    JsonArray a = o.getJsonArray("warnings");
    if (a == null) {
      WarningPoint point = uniform == null ? WarningPoint.HALF_TIME : WarningPoint.before(uniform);
      return List.of(new WarningTime(point, instant(o, "warn_at")));
    }
    List<WarningTime> out = new ArrayList<>();
    a.forEach(w -> {
      JsonObject wo = (JsonObject) w;
      out.add(new WarningTime(WarningPoint.parse(wo.getString("point")), instant(wo, "at")));
    });
    return out;
  }

  /** The short form events and answers carry: each deadline's span, points, revision and met mark. */
  public static JsonObject summary(TicketDeadlines d) {
    JsonObject out = new JsonObject();
    d.deadlines().forEach((k, dl) -> out.put(k.name(), new JsonObject()
        .put("span", dl.span().toString())
        .put("due_at", dl.dueAt().toString())
        .put("warn_at", dl.warnAt().toString())
        .put("warnings", warnAts(dl))
        .put("escalate_at", dl.escalateAt().toString())
        .put("revision", dl.revision())
        .put("met_at", dl.metAt() == null ? null : dl.metAt().toString())
        .put("provisional", dl.isProvisional())));
    return out;
  }

  /** Every reminder instant of a deadline, earliest first (the first is {@code warn_at}). */
  public static JsonArray warnAts(Deadline dl) {
    return new JsonArray(dl.warnings().stream().map(w -> w.at().toString()).toList());
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  private static TimeSpan span(JsonObject o, String key) {
    String v = o.getString(key);
    return v == null ? null : TimeSpan.parse(v);
  }

  private static Instant instant(JsonObject o, String key) {
    String v = o.getString(key);
    return v == null ? null : Instant.parse(v);
  }
}
