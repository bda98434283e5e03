package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.identity.Accounts;
import org.open12345.hotline.identity.Issued;
import org.open12345.hotline.problem.Problem;
import org.open12345.hotline.web.ClientAddress;

/**
 * The administrator's accounts page ({@code /console/admin/users}): every account with its role
 * and department, a form to create one, and per account disable / enable / reset password. A new
 * account's or a reset's one-time password is shown on the answer to that form only (never
 * cached, never in a redirect). Everything goes through the identity feature's {@link Accounts},
 * which writes the security log with this administrator's name and address, as the CLI does.
 */
final class AdminUserRoutes {
  static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
  static final String PATH = "/console/admin/users";
  private static final Map<String, String> DONE = Map.of("disable", "已停用账号 ", "enable", "已启用账号 ");
  private final ConsoleSession session;
  private final ConsoleView view;
  private final Accounts accounts;
  private final DepartmentOptions departments;
  private final ConsoleTime time;

  AdminUserRoutes(ConsoleSession session, ConsoleView view, Accounts accounts, DepartmentOptions departments,
      ConsoleTime time) {
    this.session = session;
    this.view = view;
    this.accounts = accounts;
    this.departments = departments;
    this.time = time;
  }

  void mount(Router root) {
    root.get("/console/admin").handler(ctx -> session.page(ctx, ADMIN, viewer -> {
      ConsoleSession.redirect(ctx, PATH);
      return Future.succeededFuture();
    }));
    root.get(PATH).handler(ctx -> session.page(ctx, ADMIN, viewer -> {
      String done = ctx.queryParams().get("done");
      String who = ctx.queryParams().get("name");
      String notice = done != null && DONE.containsKey(done) && who != null ? DONE.get(done) + who + "。" : null;
      return show(ctx, viewer, 200, notice, null, Map.of(), null);
    }));
    root.post(PATH).handler(ctx -> session.form(ctx, ADMIN, viewer -> create(ctx, viewer)));
    root.post(PATH + "/:name/:change").handler(ctx -> session.form(ctx, ADMIN, viewer -> change(ctx, viewer)));
  }

  private Future<Void> create(RoutingContext ctx, Viewer viewer) {
    MultiMap form = ctx.request().formAttributes();
    String name = AdminForms.text(form, "name", 64);
    Role role = Role.parse(form.get("role"));
    Future<Issued> created;
    try {
      created = accounts.create(name, role, AdminForms.text(form, "department_id", 64), viewer.actor(),
          ClientAddress.of(ctx));
    } catch (RuntimeException e) {
      created = Future.failedFuture(e);
    }
    return created
        .compose(issued -> show(ctx, viewer, 200, null, null, Map.of(),
            secret(issued, "已创建账号 " + issued.view().getString("name") + "。")))
        .recover(e -> refused(ctx, viewer, e, AdminForms.typed(form)));
  }

  private Future<Void> change(RoutingContext ctx, Viewer viewer) {
    String name = ctx.pathParam("name");
    String address = ClientAddress.of(ctx);
    Future<Void> done = switch (ctx.pathParam("change")) {
      case "disable" -> accounts.disable(name, viewer.actor(), address).map(u -> back(ctx, "disable", u));
      case "enable" -> accounts.enable(name, viewer.actor(), address).map(u -> back(ctx, "enable", u));
      case "password-reset" -> accounts.resetPassword(name, viewer.actor(), address)
          .compose(issued -> show(ctx, viewer, 200, null, null, Map.of(),
              secret(issued, "已重置账号 " + issued.view().getString("name") + " 的密码，原密码和登录会话均已失效。")));
      default -> {
        view.message(ctx, 404, viewer, "没有这个操作", "没有这个操作。");
        yield Future.succeededFuture();
      }
    };
    return done.recover(e -> refused(ctx, viewer, e, Map.of()));
  }

  private static Void back(RoutingContext ctx, String done, JsonObject user) {
    ConsoleSession.redirect(ctx, PATH + "?done=" + done + "&name="
        + java.net.URLEncoder.encode(user.getString("name"), java.nio.charset.StandardCharsets.UTF_8));
    return null;
  }

  /** A refusal the administrator can fix (a taken name, the last administrator): the page again, with the reason. */
  private Future<Void> refused(RoutingContext ctx, Viewer viewer, Throwable e, Map<String, String> typed) {
    if (e instanceof Problem p && p.kind() != Problem.Kind.NOT_FOUND) {
      return show(ctx, viewer, ConsoleErrors.status(p), null, ConsoleErrors.chinese(p), typed, null);
    }
    return Future.failedFuture(e);
  }

  private static Map<String, String> secret(Issued issued, String title) {
    return Map.of("title", title, "name", issued.view().getString("name"), "secret", issued.secret());
  }

  private Future<Void> show(RoutingContext ctx, Viewer viewer, int status, String notice, String error,
      Map<String, String> typed, Map<String, String> issued) {
    return accounts.list().map(list -> {
      List<Map<String, Object>> rows = list.stream().map(this::row).toList();
      view.send(ctx, status, "admin/users", viewer, AdminForms.page("users", rows, Role.FOR_USERS, departments, typed, issued, notice,
          error));
      return null;
    });
  }

  private Map<String, Object> row(JsonObject u) {
    Map<String, Object> r = new HashMap<>();
    r.put("name", u.getString("name"));
    r.put("role", u.getString("role_label"));
    r.put("admin", "ADMIN".equals(u.getString("role")));
    String d = u.getString("department_id");
    r.put("department", d == null ? "" : departments.name(d));
    r.put("disabled", u.getString("disabled_at") != null);
    r.put("disabledAt", time.format(u.getString("disabled_at")));
    r.put("mustChange", u.getBoolean("password_change_required", false));
    r.put("created", time.format(u.getString("created_at")));
    return r;
  }
}
