package org.open12345.hotline.ticket;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.web.ConsolePages;

/**
 * {@code GET /tickets/{number}}: the link in every notice, reminder and 督办 mail. Until the staff
 * console exists, a read-only HTML view of the ticket and its timeline for staff only: the caller
 * must be identified as staff (today by the gateway's {@code X-Hotline-Role}; login replaces
 * it), a department sees only its own tickets, and anything else answers like a missing ticket.
 */
public final class TicketPage {
  private static final Set<Role> STAFF = EnumSet.of(Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR, Role.DEPARTMENT);
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
    Actor viewer = staff(ctx);
    if (viewer == null) {
      pages.send(ctx, 401, "message", Map.of("title", "请先登录",
          "message", "工单页面仅供热线中心和承办单位工作人员查看，请登录后再打开此链接。"));
      return;
    }
    String number = ctx.pathParam("number");
    service.detail(number).onComplete(ar -> {
      if (ar.failed() && !(ar.cause() instanceof TicketNotFound)) {
        ctx.fail(ar.cause());
        return;
      }
      TicketDetail d = ar.succeeded() ? ar.result() : null;
      boolean mayRead = d != null && (viewer.role() != Role.DEPARTMENT
          || viewer.department().equals(d.ticket().departmentId()));
      if (!mayRead) {
        pages.send(ctx, 404, "message", Map.of("title", "没有找到工单", "message", "没有工单 " + number + "，或您无权查看。"));
        return;
      }
      pages.send(ctx, 200, "ticket/view", Map.of("ticket", ticket(d), "timeline", timeline(d.timeline()),
          "viewer", viewer.id() + "（" + viewer.role().label() + "）"));
    });
  }

  /** The identified staff member, or null: no identity, a bad one, or not staff. */
  private static Actor staff(RoutingContext ctx) {
    String role = ctx.request().getHeader("X-Hotline-Role");
    Role r = Role.parse(role);
    if (r == null || !STAFF.contains(r)) {
      return null;
    }
    String department = ctx.request().getHeader("X-Hotline-Department");
    if (r == Role.DEPARTMENT && (department == null || department.isBlank())) {
      return null;
    }
    String user = ctx.request().getHeader("X-Hotline-User");
    return new Actor(user == null || user.isBlank() ? r.name().toLowerCase() : user.trim(), r,
        department == null ? null : department.trim());
  }

  private Map<String, Object> ticket(TicketDetail d) {
    Ticket t = d.ticket();
    Map<String, Object> m = new HashMap<>();
    m.put("number", t.number());
    m.put("status", t.status().label() + "（" + t.status().name() + "）");
    m.put("department", t.departmentId() == null ? "未派单" : t.departmentId());
    m.put("channel", t.channel().label());
    m.put("requestType", t.requestType().label());
    m.put("urgency", t.urgency().label());
    m.put("category", t.categoryCode() == null ? "" : t.categoryCode());
    m.put("location", t.locationText() == null ? "" : t.locationText());
    m.put("citizen", (t.citizenName() == null ? "" : t.citizenName() + " ") + t.citizenPhone());
    m.put("createdAt", local(t.createdAt()));
    m.put("description", t.description());
    m.put("mergedInto", d.links().masterNumber() == null ? "" : d.links().masterNumber());
    m.put("mergedTickets", d.links().mergedNumbers());
    return m;
  }

  private List<Map<String, Object>> timeline(List<TicketEvent> events) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (TicketEvent e : events) {
      TicketAction a = TicketAction.parse(e.action());
      out.add(Map.of(
          "at", local(e.at()),
          "action", a == null ? e.action() : a.label() + "（" + e.action() + "）",
          "actor", e.actor(),
          "status", status(e.fromStatus()) + " → " + status(e.toStatus()),
          "details", details(e.details())));
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
