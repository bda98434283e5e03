package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.problem.Problem;
import org.open12345.hotline.routing.Category;
import org.open12345.hotline.routing.Explanation;
import org.open12345.hotline.routing.RoutingDecision;
import org.open12345.hotline.routing.RoutingInput;
import org.open12345.hotline.routing.RuleSetHolder;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.NewTicketParser;
import org.open12345.hotline.ticket.PhoneNumbers;
import org.open12345.hotline.ticket.RequestType;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.ticket.Urgency;

/**
 * The operator's desk ({@code /console/operator}): the caller's tickets by phone number, a quick
 * ticket form whose routing (department, policy) is previewed as it is filled in (htmx posts the
 * form to {@code /console/operator/preview}, the same rules as {@code /api/routing/explain}), and
 * saving it ({@code /console/operator/tickets}) through the ticket service like the API does.
 */
final class OperatorRoutes {
  private static final EnumSet<Role> DESK = EnumSet.of(Role.OPERATOR, Role.DISPATCHER);
  private static final List<String> FIELDS = List.of("citizen_phone", "citizen_name", "request_type", "urgency",
      "category_code", "location", "description", "call_id", "answer");
  /** A ticket number (yyyyMMdd + six digits) typed into the caller search opens that ticket. */
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d{14}");
  private final ConsoleSession session;
  private final ConsoleView view;
  private final TicketService tickets;
  private final QueueReader queues;
  private final RuleSetHolder rules;
  private final DepartmentOptions departments;
  private final Clock clock;
  private final ZoneId zone;
  private final OperatorDesk desk;

  OperatorRoutes(ConsoleSession session, ConsoleView view, TicketService tickets, QueueReader queues,
      RuleSetHolder rules, DepartmentOptions departments, Clock clock, ZoneId zone, OperatorDesk desk) {
    this.desk = desk;
    this.session = session;
    this.view = view;
    this.tickets = tickets;
    this.queues = queues;
    this.rules = rules;
    this.departments = departments;
    this.clock = clock;
    this.zone = zone;
  }

  void mount(Router root) {
    root.get("/console/operator").handler(ctx -> session.page(ctx, DESK,
        viewer -> desk(ctx, viewer, 200, null, Map.of())));
    root.post("/console/operator/tickets").handler(ctx -> session.form(ctx, DESK, viewer -> create(ctx, viewer)));
    root.post("/console/operator/preview").handler(ctx -> session.form(ctx, DESK, viewer -> {
      view.send(ctx, 200, "operator/preview", null, preview(ctx.request().formAttributes()));
      return Future.succeededFuture();
    }));
  }

  private Future<Void> desk(RoutingContext ctx, Viewer viewer, int status, String error, Map<String, String> typed) {
    String phone = ctx.queryParams().get("phone");
    boolean searched = phone != null && !phone.isBlank();
    if (searched && NUMBER.matcher(phone.strip()).matches()) {
      String number = phone.strip();
      return tickets.find(number, viewer.actor().scope()).compose(found -> {
        if (found.isPresent()) {
          ConsoleSession.redirect(ctx, "/tickets/" + number);
          return Future.succeededFuture();
        }
        return page(ctx, viewer, status, error, typed, number, null);
      });
    }
    return page(ctx, viewer, status, error, typed, searched ? phone.strip() : "",
        searched ? PhoneNumbers.normalize(phone.strip()) : null);
  }

  /** @param caller the caller's number (normalized) whose panel to show, or null */
  private Future<Void> page(RoutingContext ctx, Viewer viewer, int status, String error, Map<String, String> typed,
      String searched, String caller) {
    return desk.values(viewer, caller).map(extras -> {
      Map<String, Object> v = new HashMap<>(extras);
      v.put("phone", searched);
      v.put("searched", !searched.isEmpty());
      v.put("notice", OperatorCallRoutes.notice(ctx.queryParams().get("done")));
      v.put("types", labels(RequestType.values()));
      v.put("urgencies", labels(Urgency.values()));
      v.put("categories", categories());
      v.put("categoryTree", categoryTree());
      v.put("typed", typed);
      v.put("error", error);
      v.put("preview", typed.isEmpty() ? Map.of() : previewOf(typed));
      view.send(ctx, status, "operator/desk", viewer, v);
      return null;
    });
  }

  private Future<Void> create(RoutingContext ctx, Viewer viewer) {
    MultiMap form = ctx.request().formAttributes();
    Map<String, String> typed = new HashMap<>();
    JsonObject draft = new JsonObject();
    for (String f : FIELDS) {
      String value = form.get(f);
      if (value != null && !value.isBlank()) {
        typed.put(f, value);
        draft.put(f, value.strip());
      }
    }
    if ("on".equals(form.get("confidential"))) {
      typed.put("confidential", "on");
      draft.put("confidential", true);
    }
    boolean onSpot = "on".equals(form.get("answered_on_spot"));
    if (onSpot) {
      typed.put("answered_on_spot", "on");
      draft.put("answered_on_spot", true);
    }
    Future<String> created;
    try {
      // 当场答复: the answer given on the call makes the ticket ANSWERED at once (as the API does).
      String answer = NewTicketParser.onSpotAnswer(draft);
      draft.remove("answered_on_spot");
      draft.remove("answer");
      var ticket = NewTicketParser.parse(draft, Channel.PHONE);
      created = (answer == null ? tickets.create(ticket, viewer.actor())
          : tickets.createAnswered(ticket, viewer.actor(), answer, null)).map(t -> t.number());
    } catch (RuntimeException e) {
      created = Future.failedFuture(e);
    }
    String done = onSpot ? "ANSWER_ON_SPOT" : "CREATE";
    return created.map(number -> {
      ConsoleSession.redirect(ctx, "/tickets/" + number + "?done=" + done);
      return (Void) null;
    }).recover(e -> e instanceof Problem p
        ? desk(ctx, viewer, ConsoleErrors.status(p), ConsoleErrors.chinese(p), typed)
        : Future.failedFuture(e));
  }

  private Map<String, Object> preview(MultiMap form) {
    Map<String, String> typed = new HashMap<>();
    FIELDS.forEach(f -> {
      if (form.get(f) != null) {
        typed.put(f, form.get(f));
      }
    });
    return Map.of("preview", previewOf(typed));
  }

  /** Where the rules in force would send this draft now, as the preview box shows it. */
  private Map<String, Object> previewOf(Map<String, String> typed) {
    RoutingInput in = RoutingInput.builder()
        .channel(Channel.PHONE)
        .type(RequestType.parse(typed.get("request_type")))
        .urgency(Urgency.parse(typed.get("urgency")))
        .category(blankToNull(typed.get("category_code")))
        .description(blankToNull(typed.get("description")))
        .time(clock.instant().atZone(zone).toLocalTime())
        .build();
    Explanation e = rules.current().explain(in);
    RoutingDecision d = e.decision();
    Map<String, Object> m = new HashMap<>();
    m.put("kind", d.kind().name());
    m.put("department", d.leadDepartmentId() == null ? "" : departments.name(d.leadDepartmentId()));
    m.put("co", d.coDepartmentIds().stream().map(departments::name).toList());
    m.put("policy", d.policy() == null ? "" : d.policy().name());
    m.put("rule", d.ruleName() == null ? "" : d.ruleName());
    m.put("emergency", d.emergencyNumber() == null ? "" : d.emergencyNumber());
    m.put("note", e.note() == null ? "" : e.note());
    return m;
  }

  private List<Map<String, String>> categories() {
    List<Map<String, String>> out = new ArrayList<>();
    var tree = rules.current().categories();
    tree.all().stream().sorted(java.util.Comparator.comparing(Category::code))
        .forEach(c -> out.add(Map.of("code", c.code(), "label", c.code() + " " + tree.pathName(c.code()))));
    return out;
  }

  /** The category tree (categories.yaml) as nested lists, parents before children, in file order. */
  private List<Map<String, Object>> categoryTree() {
    var tree = rules.current().categories();
    Map<String, List<Map<String, Object>>> children = new HashMap<>();
    List<Map<String, Object>> roots = new ArrayList<>();
    Map<String, Map<String, Object>> nodes = new HashMap<>();
    for (Category c : tree.all()) {
      Map<String, Object> node = new HashMap<>();
      node.put("code", c.code());
      node.put("name", c.name());
      node.put("children", children.computeIfAbsent(c.code(), k -> new ArrayList<>()));
      nodes.put(c.code(), node);
    }
    for (Category c : tree.all()) {
      if (c.parentCode() == null || !nodes.containsKey(c.parentCode())) {
        roots.add(nodes.get(c.code()));
      } else {
        children.get(c.parentCode()).add(nodes.get(c.code()));
      }
    }
    return roots;
  }

  private static <E extends Enum<E>> List<Map<String, String>> labels(E[] values) {
    List<Map<String, String>> out = new ArrayList<>();
    for (E e : values) {
      String label = e instanceof RequestType r ? r.label() : ((Urgency) e).label();
      out.add(Map.of("name", e.name(), "label", label));
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
