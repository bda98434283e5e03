package org.open12345.hotline.ticket;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.privacy.ContactMask;
import org.open12345.hotline.web.ConsolePages;

/**
 * {@code GET /tickets/{number}}: the link in every notice, reminder and 督办 mail. Until the staff
 * console exists, a read-only HTML view of the ticket and its timeline for staff only. The access
 * handler lets only signed-in staff through (its table's line for this page; a browser without a
 * session is sent to the login page); a department sees only the tickets in its scope, anything
 * else answers like a missing ticket, and a confidential ticket's contacts stay masked for it.
 */
public final class TicketPage {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private final TicketService service;
  private final ConsolePages pages;
  private final ZoneId zone;

  public TicketPage(TicketService service, ConsolePages pages, ZoneId zone) {
    this.service = service;
    this.pages = pages;
    this.zone = zone;
  }

  public void mount(Router root) {
    root.get("/tickets/:number").handler(this::view);
  }

  private void view(RoutingContext ctx) {
    Actor viewer = Actors.of(ctx);
    String number = ctx.pathParam("number");
    service.detail(number, viewer.scope()).onComplete(ar -> {
      if (ar.failed() && !(ar.cause() instanceof TicketNotFound)) {
        ctx.fail(ar.cause());
        return;
      }
      if (ar.failed()) {
        pages.send(ctx, 404, "message", Map.of("title", "没有找到工单", "message", "没有工单 " + number + "，或您无权查看。"));
        return;
      }
      TicketDetail d = ar.result();
      pages.send(ctx, 200, "ticket/view", Map.of("ticket", ticket(d, viewer), "timeline", timeline(d, viewer),
          "viewer", viewer.id() + "（" + viewer.role().label() + "）"));
    });
  }

  private Map<String, Object> ticket(TicketDetail d, Actor viewer) {
    Ticket t = d.ticket();
    JsonObject shown = t.toJson(viewer);
    Map<String, Object> m = new HashMap<>();
    m.put("number", t.number());
    m.put("status", t.status().label() + "（" + t.status().name() + "）");
    m.put("department", t.departmentId() == null ? "未派单" : t.departmentId());
    m.put("channel", t.channel().label());
    m.put("requestType", t.requestType().label());
    m.put("urgency", t.urgency().label());
    m.put("category", t.categoryCode() == null ? "" : t.categoryCode());
    m.put("location", shown.getString("location") == null ? "" : shown.getString("location"));
    m.put("citizen", (shown.getString("citizen_name") == null ? "" : shown.getString("citizen_name") + " ")
        + shown.getString("citizen_phone"));
    m.put("createdAt", local(t.createdAt()));
    m.put("description", shown.getString("description"));
    m.put("mergedInto", d.links().masterNumber() == null ? "" : d.links().masterNumber());
    m.put("mergedTickets", d.links().mergedNumbers());
    return m;
  }

  private List<Map<String, Object>> timeline(TicketDetail d, Actor viewer) {
    Ticket t = d.ticket();
    boolean masked = t.masksContactsFor(viewer);
    List<Map<String, Object>> out = new ArrayList<>();
    for (TicketEvent e : d.timeline()) {
      TicketAction a = TicketAction.parse(e.action());
      String details = details(e.details());
      out.add(Map.of(
          "at", local(e.at()),
          "action", a == null ? e.action() : a.label() + "（" + e.action() + "）",
          "actor", e.actor(),
          "status", status(e.fromStatus()) + " → " + status(e.toStatus()),
          "details", masked ? ContactMask.hide(details, t.citizenPhone(), t.citizenName()) : details));
    }
    return out;
  }

  private static String status(String name) {
    TicketStatus s = name == null ? null : TicketStatus.parse(name);
    return s == null ? "—" : s.label();
  }

  /** The event's plain values (note, reason, department, …); nested structures stay in the API. */
  private static String details(JsonObject d) {
    StringJoiner j = new StringJoiner("；");
    d.forEach(e -> {
      Object v = e.getValue();
      if (v != null && !(v instanceof JsonObject) && !(v instanceof JsonArray)) {
        j.add(e.getKey() + "=" + v);
      } else if (v instanceof JsonArray a && !a.isEmpty() && !(a.getValue(0) instanceof JsonObject)) {
        j.add(e.getKey() + "=" + String.join(",", a.stream().map(String::valueOf).toList()));
      }
    });
    return j.toString();
  }

  private String local(Instant t) {
    return TIME.format(t.atZone(zone));
  }
}
