package org.open12345.hotline.deadline;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** The stored form of {@link TicketDeadlines} (column ticket_deadlines.state); lossless both ways. */
public final class TicketDeadlinesJson {
  private TicketDeadlinesJson() {}

  public static JsonObject write(TicketDeadlines d) {
    DeadlinePolicy p = d.policy();
    JsonObject policy = new JsonObject().put("name", p.name()).put("sign", str(p.sign()))
        .put("respond", str(p.respond())).put("resolve", str(p.resolve()))
        .put("warn_before", str(p.warnBefore())).put("escalate_after", str(p.escalateAfter()));
    JsonObject deadlines = new JsonObject();
    d.deadlines().forEach((k, dl) -> deadlines.put(k.name(), new JsonObject()
        .put("span", dl.span().toString())
        .put("started_at", dl.startedAt().toString())
        .put("due_at", dl.dueAt().toString())
        .put("warn_at", dl.warnAt().toString())
        .put("escalate_at", dl.escalateAt().toString())
        .put("revision", dl.revision())
        .put("met_at", str(dl.metAt()))));
    return new JsonObject().put("ticket", d.ticketId()).put("policy", policy)
        .put("dispatched_at", d.dispatchedAt().toString()).put("paused_at", str(d.pausedAt()))
        .put("deadlines", deadlines);
  }

  public static TicketDeadlines read(JsonObject j) {
    JsonObject p = j.getJsonObject("policy");
    DeadlinePolicy policy = new DeadlinePolicy(p.getString("name"), span(p, "sign"), span(p, "respond"),
        span(p, "resolve"), span(p, "warn_before"), span(p, "escalate_after"));
    Map<DeadlineKind, Deadline> out = new EnumMap<>(DeadlineKind.class);
    JsonObject ds = j.getJsonObject("deadlines");
    for (String k : ds.fieldNames()) {
      JsonObject o = ds.getJsonObject(k);
      DeadlineKind kind = DeadlineKind.valueOf(k);
      out.put(kind, new Deadline(kind, TimeSpan.parse(o.getString("span")), instant(o, "started_at"),
          instant(o, "due_at"), instant(o, "warn_at"), instant(o, "escalate_at"), o.getInteger("revision"),
          instant(o, "met_at")));
    }
    return new TicketDeadlines(j.getString("ticket"), policy, instant(j, "dispatched_at"), out,
        instant(j, "paused_at"));
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

  /** The short form events and answers carry: each deadline's span, points, revision and met mark. */
  public static JsonObject summary(TicketDeadlines d) {
    JsonObject out = new JsonObject();
    d.deadlines().forEach((k, dl) -> out.put(k.name(), new JsonObject()
        .put("span", dl.span().toString())
        .put("due_at", dl.dueAt().toString())
        .put("warn_at", dl.warnAt().toString())
        .put("escalate_at", dl.escalateAt().toString())
        .put("revision", dl.revision())
        .put("met_at", dl.metAt() == null ? null : dl.metAt().toString())));
    return out;
  }
}
