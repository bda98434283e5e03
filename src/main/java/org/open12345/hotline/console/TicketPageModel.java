package org.open12345.hotline.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.deadline.Deadline;
import org.open12345.hotline.deadline.PauseReason;
import org.open12345.hotline.deadline.Deadlines.TicketView;
import org.open12345.hotline.deadline.TicketDeadlines;
import org.open12345.hotline.escalation.StepKind;
import org.open12345.hotline.returns.ReturnReasonCatalog;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketAction;
import org.open12345.hotline.ticket.TicketDetail;
import org.open12345.hotline.ticket.TicketStateMachine;
import org.open12345.hotline.ticket.TicketStatus;

/**
 * What the ticket page shows, from the ticket (masked for the viewer where it is confidential),
 * its deadlines and ladder, and the actions the viewer may take now.
 */
final class TicketPageModel {
  /** Actions the page offers as forms; creation is the operator's desk, merging needs the API. */
  private static final Set<TicketAction> OFFERED = EnumSet.complementOf(EnumSet.of(TicketAction.CREATE));
  private static final Map<String, String> DEADLINE_STATES = Map.of("met", "按时完成", "met_late", "超时完成",
      "paused", "已暂停", "ended", "已结束", "missed", "已超时", "open", "进行中");
  private static final Map<String, String> REQUEST_STATES = Map.of("pending", "待审核", "approved", "已批准",
      "refused", "已驳回");
  private static final Map<String, String> STEP_STATES = Map.of("planned", "待执行", "fired", "已发出",
      "cancelled", "已取消");
  private final ConsoleTime time;
  private final DepartmentOptions departments;
  private final ReturnReasonCatalog reasons;
  private final TimelineLabels labels;

  TicketPageModel(ConsoleTime time, DepartmentOptions departments, ReturnReasonCatalog reasons,
      TimelineLabels labels) {
    this.labels = labels;
    this.time = time;
    this.departments = departments;
    this.reasons = reasons;
  }

  Map<String, Object> of(TicketDetail detail, TicketView clock, Viewer viewer) {
    Ticket t = detail.ticket();
    JsonObject shown = detail.toJson(viewer.actor());
    Map<String, Object> ticket = new HashMap<>(shown.getMap());
    ticket.remove("timeline");
    ticket.put("department_name", t.departmentId() == null ? "未派单" : departments.name(t.departmentId()));
    ticket.put("created", time.format(t.createdAt()));
    ticket.put("channel_label", t.channel().label());
    ticket.put("masked", t.masksContactsFor(viewer.actor()));
    Map<String, Object> v = new HashMap<>();
    v.put("ticket", ticket);
    v.put("timeline", timeline(shown.getJsonArray("timeline")));
    v.put("deadlines", deadlines(clock, t.status().terminal()));
    v.put("steps", steps(clock.steps()));
    v.put("paused", clock.deadlines() != null && clock.deadlines().isPaused());
    List<String> actions = actions(t, viewer);
    v.put("actions", actions);
    v.put("actionLabels", labels());
    if (actions.contains("dispatch") || actions.contains("reopen")) {
      v.put("departments", departments.picker());
      v.put("tree", departments.tree());
    }
    boolean own = viewer.role() == Role.DEPARTMENT && viewer.actor().department().equals(t.departmentId());
    v.put("askTime", own && EnumSet.of(TicketStatus.DISPATCHED, TicketStatus.SIGNED, TicketStatus.REOPENED)
        .contains(t.status()));
    v.put("pauseReasons", java.util.Arrays.stream(PauseReason.values())
        .map(r -> Map.of("name", r.name(), "label", r.label())).toList());
    v.put("decides", viewer.role() == Role.DISPATCHER || viewer.role() == Role.SUPERVISOR);
    v.put("extensions", clock.extensions().stream().map(e -> Map.<String, Object>of("id", e.id(),
        "span", e.span() == null ? String.valueOf(e.until()) : e.span(), "reason", nz(e.reason()),
        "status", REQUEST_STATES.getOrDefault(e.status(), e.status()), "pending", e.isPending(),
        "by", nz(e.requestedBy()), "at", time.format(e.requestedAt()))).toList());
    v.put("pauses", clock.pauseRequests().stream().map(p -> Map.<String, Object>of("id", p.id(),
        "reason", p.reason().label(), "note", nz(p.note()),
        "status", REQUEST_STATES.getOrDefault(p.status(), p.status()), "pending", p.isPending(),
        "by", nz(p.requestedBy()), "at", time.format(p.requestedAt()))).toList());
    if (actions.contains("return")) {
      v.put("reasons", reasons.returnReasons().all());
    }
    return v;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** The actions the state machine lets this viewer take now; a department only on its own ticket. */
  static List<String> actions(Ticket t, Viewer viewer) {
    if (viewer.role() == Role.DEPARTMENT && !viewer.actor().department().equals(t.departmentId())) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (TicketAction a : TicketStateMachine.allowed(t.status(), viewer.role())) {
      if (OFFERED.contains(a)) {
        out.add(a.name().toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static Map<String, String> labels() {
    Map<String, String> m = new HashMap<>();
    for (TicketAction a : TicketAction.values()) {
      m.put(a.name().toLowerCase(Locale.ROOT), a.label());
    }
    return m;
  }

  private List<Map<String, Object>> deadlines(TicketView clock, boolean ended) {
    TicketDeadlines d = clock.deadlines();
    List<Map<String, Object>> out = new ArrayList<>();
    if (d == null) {
      return out;
    }
    for (Deadline dl : d.deadlines().values()) {
      Map<String, Object> m = new HashMap<>();
      m.put("label", dl.kind().label());
      m.put("due", time.format(dl.dueAt()));
      m.put("dueIso", dl.dueAt().toString());
      m.put("state", DEADLINE_STATES.getOrDefault(d.stateOf(dl, clock.now(), ended), ""));
      Duration left = clock.timeLeft().get(dl.kind());
      boolean running = left != null && !ended && !dl.isMet() && !d.isFrozen(dl);
      m.put("running", running);
      if (running) {
        m.put("countdown", Countdown.text(dl.dueAt(), clock.now()));
        m.put("overdue", Countdown.overdue(dl.dueAt(), clock.now()));
      }
      m.put("provisional", dl.isProvisional());
      out.add(m);
    }
    return out;
  }

  private List<Map<String, Object>> steps(JsonArray steps) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : steps) {
      JsonObject s = (JsonObject) o;
      Map<String, Object> m = new HashMap<>();
      m.put("deadline", kindLabel(s.getString("deadline")));
      m.put("step", stepLabel(s.getString("step")));
      m.put("level", s.getInteger("level"));
      m.put("due", time.format(s.getString("due_at")));
      m.put("status", STEP_STATES.getOrDefault(s.getString("status"), s.getString("status")));
      m.put("fired", time.format(s.getString("fired_at")));
      out.add(m);
    }
    return out;
  }

  private static String kindLabel(String name) {
    try {
      return org.open12345.hotline.deadline.DeadlineKind.valueOf(name).label();
    } catch (RuntimeException e) {
      return name;
    }
  }

  private static String stepLabel(String name) {
    try {
      return StepKind.valueOf(name).label();
    } catch (RuntimeException e) {
      return name;
    }
  }

  private List<Map<String, Object>> timeline(JsonArray events) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : events) {
      JsonObject e = (JsonObject) o;
      Role role = Role.parse(e.getString("role"));
      Map<String, Object> m = new HashMap<>();
      m.put("at", time.format(e.getString("at")));
      m.put("action", labels.action(e.getString("action")));
      m.put("actor", e.getString("actor"));
      m.put("role", role == null ? "" : role.label());
      m.put("to", status(e.getString("to_status")));
      m.put("details", details(e.getJsonObject("details")));
      out.add(m);
    }
    return out;
  }

  private static String status(String name) {
    TicketStatus s = name == null ? null : TicketStatus.parse(name);
    return s == null ? "" : s.label();
  }

  /** The event's plain values (note, reason, department, …); nested structures stay in the API. */
  private String details(JsonObject d) {
    StringJoiner j = new StringJoiner("；");
    if (d == null) {
      return "";
    }
    d.forEach(e -> {
      Object v = e.getValue();
      // What people read; the machine's own keys (rule ids, versions) stay in the API's timeline.
      if (v != null && DETAIL_LABELS.containsKey(e.getKey()) && !(v instanceof JsonObject) && !(v instanceof JsonArray)) {
        String value = e.getKey().endsWith("department_id") ? departments.name(String.valueOf(v))
            : labels.value(e.getKey(), String.valueOf(v));
        j.add(DETAIL_LABELS.get(e.getKey()) + "：" + value);
      }
    });
    return j.toString();
  }

  private static final Map<String, String> DETAIL_LABELS = Map.ofEntries(Map.entry("note", "说明"),
      Map.entry("reason", "原因"), Map.entry("department_id", "承办单位"), Map.entry("policy", "时限"),
      Map.entry("channel", "渠道"), Map.entry("master_number", "主工单"), Map.entry("rule_name", "派单规则"),
      Map.entry("lead_department_id", "承办单位"), Map.entry("citizen_account", "诉求人反映"),
      Map.entry("fix", "整改情况"), Map.entry("explanation", "解释说明"), Map.entry("answer", "协办答复"));
}
