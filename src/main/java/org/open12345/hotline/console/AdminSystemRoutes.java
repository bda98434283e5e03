package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.deadline.CalendarYears;
import org.open12345.hotline.routing.RuleSet;
import org.open12345.hotline.routing.RuleSetHolder;

/**
 * The administrator's rules and calendar page ({@code /console/admin/system}): the rule set in
 * force (its version, what it holds) and the last refused change of the rule files with each
 * {@code file:line: message}; the holiday calendar's years, official (the State Council's file) or
 * provisional (statutory days off only), and a refused calendar change. Read-only: the files are
 * changed on disk and reloaded by the routing and deadline features.
 */
final class AdminSystemRoutes {
  static final String PATH = "/console/admin/system";
  private final ConsoleSession session;
  private final ConsoleView view;
  private final RuleSetHolder rules;
  private final AdminServices admin;

  AdminSystemRoutes(ConsoleSession session, ConsoleView view, RuleSetHolder rules, AdminServices admin) {
    this.session = session;
    this.view = view;
    this.rules = rules;
    this.admin = admin;
  }

  void mount(Router root) {
    root.get(PATH).handler(ctx -> session.page(ctx, AdminUserRoutes.ADMIN, viewer -> {
      RuleSet set = rules.current();
      Map<String, Object> v = new HashMap<>();
      v.put("version", set.version());
      v.put("ruleCount", set.rules().size());
      v.put("departmentCount", set.departments().all().size());
      v.put("policyCount", set.policies().size());
      List<String> refused = rules.lastRefusal();
      v.put("refusal", refused == null ? List.of() : refused);
      v.put("years", admin.calendarYears().get().stream().map(AdminSystemRoutes::year).toList());
      v.put("calendarRefusal", admin.calendarRefusal().get());
      view.send(ctx, 200, "admin/system", viewer, v);
      return Future.succeededFuture();
    }));
  }

  private static Map<String, Object> year(CalendarYears.Year y) {
    return Map.of("year", y.year(), "basis", y.basis().name(), "label", y.basis().label());
  }
}
