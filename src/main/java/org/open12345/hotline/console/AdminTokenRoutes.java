package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.identity.ApiTokens;
import org.open12345.hotline.problem.InvalidField;
import org.open12345.hotline.problem.Problem;
import org.open12345.hotline.web.ClientAddress;

/**
 * The administrator's API tokens page ({@code /console/admin/tokens}): every token (live,
 * expired, revoked), a form to issue one (the token is shown on that answer only), and revoke.
 * Through the identity feature's {@link ApiTokens}, which writes the security log.
 */
final class AdminTokenRoutes {
  static final String PATH = "/console/admin/tokens";
  private final ConsoleSession session;
  private final ConsoleView view;
  private final ApiTokens tokens;
  private final DepartmentOptions departments;
  private final ConsoleTime time;
  private final ZoneId zone;
  private final Clock clock;

  AdminTokenRoutes(ConsoleSession session, ConsoleView view, ApiTokens tokens, DepartmentOptions departments,
      ConsoleTime time, ZoneId zone, Clock clock) {
    this.session = session;
    this.view = view;
    this.tokens = tokens;
    this.departments = departments;
    this.time = time;
    this.zone = zone;
    this.clock = clock;
  }

  void mount(Router root) {
    root.get(PATH).handler(ctx -> session.page(ctx, AdminUserRoutes.ADMIN, viewer -> {
      String revoked = ctx.queryParams().get("revoked");
      return show(ctx, viewer, 200, revoked == null ? null : "已吊销令牌 " + revoked + "。", null, Map.of(), null);
    }));
    root.post(PATH).handler(ctx -> session.form(ctx, AdminUserRoutes.ADMIN, viewer -> create(ctx, viewer)));
    root.post(PATH + "/:name/revoke").handler(ctx -> session.form(ctx, AdminUserRoutes.ADMIN, viewer ->
        tokens.revoke(ctx.pathParam("name"), viewer.actor(), ClientAddress.of(ctx))
            .map(t -> {
              ConsoleSession.redirect(ctx, PATH + "?revoked="
                  + URLEncoder.encode(t.getString("name"), StandardCharsets.UTF_8));
              return (Void) null;
            })));
  }

  private Future<Void> create(RoutingContext ctx, Viewer viewer) {
    MultiMap form = ctx.request().formAttributes();
    Future<Void> done;
    try {
      done = tokens.create(AdminForms.text(form, "name", 64), Role.parse(form.get("role")),
              AdminForms.text(form, "department_id", 64), expiry(AdminForms.text(form, "expires_on", 10)),
              viewer.actor(), ClientAddress.of(ctx))
          .compose(issued -> show(ctx, viewer, 200, null, null, Map.of(), Map.of(
              "title", "已签发令牌 " + issued.view().getString("name") + "。", "name", issued.view().getString("name"),
              "secret", issued.secret())));
    } catch (RuntimeException e) {
      done = Future.failedFuture(e);
    }
    return done.recover(e -> {
      if (e instanceof Problem p && p.kind() != Problem.Kind.NOT_FOUND) {
        return show(ctx, viewer, ConsoleErrors.status(p), null, ConsoleErrors.chinese(p), AdminForms.typed(form), null);
      }
      return Future.failedFuture(e);
    });
  }

  /** A last day (the centre's local date): the token works through that day. */
  private Instant expiry(String day) {
    if (day == null) {
      return null;
    }
    try {
      return LocalDate.parse(day).plusDays(1).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidField("expires_on", "a date, e.g. 2027-12-31");
    }
  }

  private Future<Void> show(RoutingContext ctx, Viewer viewer, int status, String notice, String error,
      Map<String, String> typed, Map<String, String> issued) {
    return tokens.list().map(list -> {
      List<Map<String, Object>> rows = list.stream().map(this::row).toList();
      view.send(ctx, status, "admin/tokens", viewer, AdminForms.page("tokens", rows, Role.FOR_TOKENS, departments, typed, issued, notice,
          error));
      return null;
    });
  }

  private Map<String, Object> row(JsonObject t) {
    Map<String, Object> r = new HashMap<>();
    r.put("name", t.getString("name"));
    Role role = Role.parse(t.getString("role"));
    r.put("role", role == null ? t.getString("role") : role.label());
    String d = t.getString("department_id");
    r.put("department", d == null ? "" : departments.name(d));
    r.put("createdBy", t.getString("created_by"));
    r.put("created", time.format(t.getString("created_at")));
    r.put("expires", time.format(t.getString("expires_at")));
    r.put("lastUsed", time.format(t.getString("last_used_at")));
    r.put("revoked", time.format(t.getString("revoked_at")));
    String expires = t.getString("expires_at");
    r.put("live", t.getString("revoked_at") == null && (expires == null || Instant.parse(expires).isAfter(clock.instant())));
    return r;
  }
}
