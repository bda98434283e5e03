package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.evaluation.CallbackBy;
import org.open12345.hotline.evaluation.Numbered;
import org.open12345.hotline.evaluation.RatingCase;
import org.open12345.hotline.evaluation.RatingCaseStatus;
import org.open12345.hotline.evaluation.RatingRepository;
import org.open12345.hotline.evaluation.StoredRating;
import org.open12345.hotline.handling.CoPart;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketService;

/**
 * The desks' lists of rating work and 协办, each row linking to the ticket page where its forms
 * are: for a department, its 差评 cases to call back, fix or explain ({@code /console/department/cases}),
 * its 差评 it may appeal and the appeals it filed ({@code /console/department/appeals}), and the
 * tickets it assists on ({@code /console/department/co}); for the centre, the cases it calls back
 * or closes ({@code /console/supervisor/cases}) and the appeals to decide
 * ({@code /console/supervisor/appeals}).
 */
final class CaseDeskRoutes {
  static final int PAGE = 100;
  private static final EnumSet<Role> CENTRE = EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR);
  private final ConsoleSession session;
  private final ConsoleView view;
  private final ConsoleFeature.Desks desks;
  private final TicketService tickets;
  private final DepartmentOptions departments;
  private final ConsoleTime time;
  private final Clock clock;

  CaseDeskRoutes(ConsoleSession session, ConsoleView view, ConsoleFeature.Desks desks, TicketService tickets,
      DepartmentOptions departments, ConsoleTime time, Clock clock) {
    this.session = session;
    this.view = view;
    this.desks = desks;
    this.tickets = tickets;
    this.departments = departments;
    this.time = time;
    this.clock = clock;
  }

  void mount(Router root) {
    root.get("/console/department/cases").handler(ctx -> session.page(ctx, EnumSet.of(Role.DEPARTMENT),
        viewer -> cases(ctx, viewer, List.of(RatingCaseStatus.CALLBACK_DUE, RatingCaseStatus.FIX_DUE,
            RatingCaseStatus.EXPLANATION_DUE), "department/cases")));
    root.get("/console/department/appeals").handler(ctx -> session.page(ctx, EnumSet.of(Role.DEPARTMENT),
        viewer -> departmentAppeals(ctx, viewer)));
    root.get("/console/department/co").handler(ctx -> session.page(ctx, EnumSet.of(Role.DEPARTMENT),
        viewer -> coParts(ctx, viewer)));
    root.get("/console/supervisor/cases").handler(ctx -> session.page(ctx, CENTRE,
        viewer -> cases(ctx, viewer, List.of(RatingCaseStatus.CALLBACK_DUE, RatingCaseStatus.FIX_DUE,
            RatingCaseStatus.EXPLANATION_DUE, RatingCaseStatus.FIXED, RatingCaseStatus.EXPLAINED),
            "supervisor/cases")));
    root.get("/console/supervisor/appeals").handler(ctx -> session.page(ctx, CENTRE,
        viewer -> pendingAppeals(ctx, viewer)));
  }

  /** Cases in the given states, most urgent first, a page at a time (sorted and paged by the database). */
  private Future<Void> cases(RoutingContext ctx, Viewer viewer, List<RatingCaseStatus> states, String template) {
    int page = pageOf(ctx);
    return desks.cases().dueFirst(states, null, viewer.actor(), page, PAGE).map(n -> {
      Instant now = clock.instant();
      List<Map<String, Object>> rows = new ArrayList<>();
      for (RatingCase c : n.items()) {
        rows.add(caseRow(c, n.numberOf(c.ticketId()), viewer.actor(), now));
      }
      Map<String, Object> values = page("cases", rows);
      paging(values, page, rows.size());
      view.send(ctx, 200, template, viewer, values);
      return null;
    });
  }

  /** The {@code page} query parameter (0-based), 0 when absent or not a small number. */
  static int pageOf(RoutingContext ctx) {
    String p = ctx.queryParams().get("page");
    try {
      int n = p == null ? 0 : Integer.parseInt(p);
      return n < 0 || n > 10_000 ? 0 : n;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Previous and next page links' numbers (a full page may have a next one). */
  static void paging(Map<String, Object> values, int page, int shown) {
    values.put("pageNo", page + 1);
    values.put("prevPage", page > 0 ? page - 1 : null);
    values.put("nextPage", shown >= PAGE ? page + 1 : null);
  }

  private Map<String, Object> caseRow(RatingCase c, String number, Actor actor, Instant now) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", c.id());
    m.put("number", number);
    m.put("status", c.status().label());
    m.put("department", departments.name(c.departmentId()));
    m.put("callbackBy", c.callbackBy() == CallbackBy.DEPARTMENT ? "承办单位" : "热线中心");
    Instant due = c.status() == RatingCaseStatus.CALLBACK_DUE ? c.callbackDueAt()
        : c.status() == RatingCaseStatus.FIX_DUE || c.status() == RatingCaseStatus.EXPLANATION_DUE ? c.fixDueAt()
        : null;
    m.put("dueIso", due == null ? "~" : due.toString());
    m.put("running", due != null);
    if (due != null) {
      m.put("countdown", Countdown.text(due, now));
      m.put("overdue", Countdown.overdue(due, now));
    }
    m.put("opened", time.format(c.openedAt()));
    m.put("todo", todo(c, actor));
    return m;
  }

  /** What this person does next on the case, or "" when it waits for someone else. */
  private static String todo(RatingCase c, Actor actor) {
    return switch (c.status()) {
      case CALLBACK_DUE -> TicketExtrasModel.may(org.open12345.hotline.evaluation.RatingCaseAction.CALLBACK, actor, c)
          ? "回访核实" : "";
      case FIX_DUE -> TicketExtrasModel.may(org.open12345.hotline.evaluation.RatingCaseAction.FIX, actor, c)
          ? "整改" : "";
      case EXPLANATION_DUE -> TicketExtrasModel.may(org.open12345.hotline.evaluation.RatingCaseAction.EXPLAIN,
          actor, c) ? "解释说明" : "";
      case FIXED, EXPLAINED -> actor.role() == Role.SUPERVISOR ? "办结" : "";
      case CLOSED -> "";
    };
  }

  /** 差评 the department may still appeal (counted, in a case, not appealed), and the appeals it filed. */
  private Future<Void> departmentAppeals(RoutingContext ctx, Viewer viewer) {
    List<String> scope = viewer.actor().scope();
    Future<Numbered<StoredRating>> open = desks.ratings().list(new RatingRepository.Filter(null, scope, null, null,
        "counted", null, null, true, false, false, PAGE, 0));
    Future<Numbered<StoredRating>> filed = desks.ratings().list(new RatingRepository.Filter(null, scope, null, null,
        null, null, null, null, true, null, PAGE, 0));
    return Future.all(open, filed).map(v -> {
      Map<String, Object> values = page("appeals", ratingRows(open.result(), r -> r.level().isBad()));
      values.put("filed", ratingRows(filed.result(), r -> true));
      view.send(ctx, 200, "department/appeals", viewer, values);
      return null;
    });
  }

  /** Appeals waiting for a supervisor, the one waiting longest first, sorted and paged by the database. */
  private Future<Void> pendingAppeals(RoutingContext ctx, Viewer viewer) {
    int page = pageOf(ctx);
    return desks.ratings().pendingAppeals(viewer.actor(), page, PAGE).map(n -> {
      Map<String, Object> values = page("appeals", ratingRows(n, r -> true));
      paging(values, page, n.items().size());
      view.send(ctx, 200, "supervisor/appeals", viewer, values);
      return null;
    });
  }


  private List<Map<String, Object>> ratingRows(Numbered<StoredRating> n,
      java.util.function.Predicate<StoredRating> keep) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (StoredRating r : n.items()) {
      if (!keep.test(r) || r.ticketId() == null) {
        continue;
      }
      Map<String, Object> m = new HashMap<>();
      m.put("id", r.id());
      m.put("number", n.numberOf(r.ticketId()));
      m.put("at", time.format(r.createdAt()));
      m.put("level", r.level().label());
      m.put("raw", r.rawText() == null ? "" : r.rawText());
      m.put("department", departments.name(r.departmentId()));
      m.put("appeal", r.appeal() == null ? ""
          : TicketExtrasModel.APPEAL_STATES.getOrDefault(r.appeal().status(), r.appeal().status()));
      m.put("appealReason", r.appeal() == null ? "" : r.appeal().reason());
      m.put("windowEnds", r.appeal() == null ? "" : time.format(r.appeal().windowEndsAt()));
      rows.add(m);
    }
    return rows;
  }

  /** Tickets the department assists on (协办), newest part first. */
  private Future<Void> coParts(RoutingContext ctx, Viewer viewer) {
    return desks.co().liveOf(viewer.actor().department(), PAGE).compose(parts -> tickets.findAll(
        parts.stream().map(CoPart::ticketId).distinct().toList()).map(ts -> {
          Map<Long, Ticket> byId = new HashMap<>();
          ts.forEach(t -> byId.put(t.id(), t));
          List<Map<String, Object>> rows = new ArrayList<>();
          for (CoPart p : parts) {
            Ticket t = byId.get(p.ticketId());
            if (t == null) {
              continue;
            }
            rows.add(Map.of("number", t.number(), "status", t.status().label(),
                "lead", t.departmentId() == null ? "" : departments.name(t.departmentId()),
                "description", t.toJson(viewer.actor()).getString("description"),
                "part", "OPEN".equals(p.status()) ? "待反馈" : "已反馈", "assigned", time.format(p.assignedAt())));
          }
          view.send(ctx, 200, "department/co", viewer, page("co", rows));
          return null;
        }));
  }

  private static Map<String, Object> page(String current, List<Map<String, Object>> rows) {
    Map<String, Object> v = new HashMap<>();
    v.put("current", current);
    v.put("rows", rows);
    v.put("tabs", DeskRoutes.DEPARTMENT_TABS);
    return v;
  }
}
