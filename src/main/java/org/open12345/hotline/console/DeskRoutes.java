package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.escalation.EscalationStepRepository.FiredFilter;
import org.open12345.hotline.escalation.Escalations;
import org.open12345.hotline.escalation.StepKind;
import org.open12345.hotline.ticket.TicketAction;
import org.open12345.hotline.ticket.TicketStatus;

/**
 * The department's workbench ({@code /console/department}: my tickets by state, with live
 * countdowns and a sign button), the dispatcher's queue ({@code /console/dispatch}: the manual
 * dispatch queue and returned tickets, each with a department picker), and the supervisor's
 * overdue list ({@code /console/supervisor}). Each row's form acts through the ticket page's
 * action route and comes back here.
 */
final class DeskRoutes {
  static final List<QueueTab> DEPARTMENT_TABS = List.of(
      new QueueTab("sign", "待签收", List.of(TicketStatus.DISPATCHED, TicketStatus.REOPENED)),
      new QueueTab("work", "办理中", List.of(TicketStatus.SIGNED)),
      new QueueTab("overdue", "已超时", List.of()),
      new QueueTab("returned", "已退单", List.of(TicketStatus.RETURNED)),
      new QueueTab("replied", "已答复", List.of(TicketStatus.REPLIED)));
  private static final List<QueueTab> DISPATCH_TABS = List.of(
      new QueueTab("manual", "待派单", List.of(TicketStatus.RECEIVED)),
      new QueueTab("returned", "退单待审", List.of(TicketStatus.RETURNED)));
  private final ConsoleSession session;
  private final ConsoleView view;
  private final QueueReader queues;
  private final DepartmentOptions departments;
  private final Escalations escalations;
  private final ConsoleTime time;
  private final SuggestionRows suggestions;

  DeskRoutes(ConsoleSession session, ConsoleView view, QueueReader queues, DepartmentOptions departments,
      Escalations escalations, ConsoleTime time, SuggestionRows suggestions) {
    this.suggestions = suggestions;
    this.session = session;
    this.view = view;
    this.queues = queues;
    this.departments = departments;
    this.escalations = escalations;
    this.time = time;
  }

  void mount(Router root) {
    root.get("/console/department").handler(ctx -> session.page(ctx, EnumSet.of(Role.DEPARTMENT),
        viewer -> department(ctx, viewer)));
    root.get("/console/dispatch").handler(ctx -> session.page(ctx, EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR),
        viewer -> dispatch(ctx, viewer)));
    // A row's department tree, loaded when its picker is first unfolded.
    root.get("/console/dispatch/tree").handler(ctx -> session.page(ctx, EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR),
        viewer -> {
          String key = ctx.queryParams().get("for");
          Map<String, Object> v = new HashMap<>();
          v.put("treeId", key != null && key.matches("[A-Za-z0-9-]{1,40}") ? key : "picker");
          v.put("tree", departments.tree());
          v.put("required", true);
          view.send(ctx, 200, "dispatch/tree-fragment", viewer, v);
          return Future.succeededFuture();
        }));
    root.get("/console/supervisor").handler(ctx -> session.page(ctx, EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR),
        viewer -> supervisor(ctx, viewer)));
  }

  private Future<Void> department(RoutingContext ctx, Viewer viewer) {
    QueueTab tab = QueueTab.pick(DEPARTMENT_TABS, ctx.queryParams().get("tab"));
    Future<List<Map<String, Object>>> rows = tab.key().equals("overdue") ? queues.overdue(null, viewer.actor())
        : queues.inStates(tab.states(), null, viewer.actor());
    return rows.map(list -> {
      Map<String, Object> v = base(ctx, tab, DEPARTMENT_TABS, list);
      view.send(ctx, 200, "department/queue", viewer, v);
      return null;
    });
  }

  private Future<Void> dispatch(RoutingContext ctx, Viewer viewer) {
    QueueTab tab = QueueTab.pick(DISPATCH_TABS, ctx.queryParams().get("tab"));
    return queues.inStates(tab.states(), null, viewer.actor()).compose(suggestions::add).map(list -> {
      Map<String, Object> v = base(ctx, tab, DISPATCH_TABS, list);
      v.put("departments", departments.picker());
      view.send(ctx, 200, "dispatch/queue", viewer, v);
      return null;
    });
  }

  private Future<Void> supervisor(RoutingContext ctx, Viewer viewer) {
    String department = ctx.queryParams().get("department");
    String filter = department == null || department.isBlank() ? null : department;
    boolean steps = "steps".equals(ctx.queryParams().get("tab"));
    StepKind kind = kind(ctx.queryParams().get("kind"));
    // 督办 and 通报 are the levels the configured ladder gives those steps; ?level=N picks one level.
    List<Integer> levels = kind != null ? escalations.levels(kind) : level(ctx.queryParams().get("level"));
    Future<List<Map<String, Object>>> rows = !steps ? queues.overdue(filter, viewer.actor())
        : levels != null && levels.isEmpty() ? Future.succeededFuture(List.of()) : fired(filter, levels);
    return rows.map(list -> {
      Map<String, Object> v = new HashMap<>();
      v.put("steps", steps);
      v.put("kind", kind == null ? "" : kind.name().toLowerCase(java.util.Locale.ROOT));
      v.put("level", kind == null && levels != null ? String.valueOf(levels.get(0)) : "");
      v.put("current", !steps ? "overdue" : kind == StepKind.SUPERVISE ? "supervise"
          : kind == StepKind.ESCALATE ? "escalate" : "steps");
      v.put("rows", list);
      v.put("departments", departments.picker());
      v.put("department", filter == null ? "" : filter);
      view.send(ctx, 200, "supervisor/overdue", viewer, v);
      return null;
    });
  }

  /** {@code supervise} (督办) or {@code escalate} (通报); null for any other value. */
  private static StepKind kind(String text) {
    return "supervise".equals(text) ? StepKind.SUPERVISE : "escalate".equals(text) ? StepKind.ESCALATE : null;
  }

  /** One ladder level asked for by number (0-10), or null for every level. */
  private static List<Integer> level(String text) {
    return text != null && text.matches("\\d{1,2}") && Integer.parseInt(text) <= 10
        ? List.of(Integer.parseInt(text)) : null;
  }

  /** The ladder's fired steps, newest first: 催办 sent, 督办 notices, 通报. */
  private Future<List<Map<String, Object>>> fired(String departmentId, List<Integer> levels) {
    return escalations.fired(new FiredFilter(departmentId, levels, null, null, QueueReader.PAGE, 0, null))
        .map(list -> list.stream().map(f -> Map.<String, Object>of("number", f.ticketNumber(),
            "step", f.stepKind().label() + (f.level() > 1 ? "（" + f.level() + "级）" : ""),
            "deadline", f.deadlineKind().label(), "department", departments.name(f.departmentId()),
            "fired", time.format(f.firedAt()),
            "late", f.lateBy().isNegative() ? "" : Countdown.text(f.deadlineDueAt(), f.firedAt()))).toList());
  }

  private static Map<String, Object> base(RoutingContext ctx, QueueTab tab, List<QueueTab> tabs,
      List<Map<String, Object>> rows) {
    Map<String, Object> v = new HashMap<>();
    v.put("tab", tab);
    v.put("tabs", tabs);
    v.put("rows", rows);
    TicketAction done = TicketAction.parse(ctx.queryParams().get("done"));
    v.put("notice", done == null ? CentreListsRoutes.notice(ctx.queryParams().get("done")) : "已" + done.label() + "。");
    return v;
  }
}
