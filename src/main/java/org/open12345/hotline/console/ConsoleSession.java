package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.open12345.hotline.auth.AccessRefused;
import org.open12345.hotline.auth.ActorScope;
import org.open12345.hotline.auth.Authenticated;
import org.open12345.hotline.auth.Authenticator;
import org.open12345.hotline.auth.Credentials;
import org.open12345.hotline.auth.Csrf;
import org.open12345.hotline.auth.DepartmentDirectory;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.auth.SessionCookie;
import org.open12345.hotline.problem.Problem;
import org.open12345.hotline.web.ClientAddress;

/**
 * Who a console request is for, by the same authenticator and department scoping as the API:
 * a page without a session goes to the login page and comes back after it; a one-time password
 * goes to the password page first; a form must carry the session's CSRF token; a role the page is
 * not for is told so. Refusals and failures of the page itself become Chinese message pages.
 */
final class ConsoleSession {
  private final Authenticator authenticator;
  private final DepartmentDirectory departments;
  private final UnaryOperator<String> departmentName;
  private final ConsoleView view;
  private final boolean secureCookies;

  ConsoleSession(Authenticator authenticator, DepartmentDirectory departments, UnaryOperator<String> departmentName,
      ConsoleView view, boolean secureCookies) {
    this.authenticator = authenticator;
    this.departments = departments;
    this.departmentName = departmentName;
    this.view = view;
    this.secureCookies = secureCookies;
  }

  /** A page (GET) for these roles. */
  void page(RoutingContext ctx, Set<Role> roles, Function<Viewer, Future<?>> then) {
    run(ctx, roles, false, then);
  }

  /** A form post for these roles: the CSRF token must be in the form (or the header, for htmx). */
  void form(RoutingContext ctx, Set<Role> roles, Function<Viewer, Future<?>> then) {
    run(ctx, roles, true, then);
  }

  private void run(RoutingContext ctx, Set<Role> roles, boolean changesState, Function<Viewer, Future<?>> then) {
    String cookie = SessionCookie.read(ctx);
    Credentials presented = new Credentials(ctx.request().getHeader(HttpHeaders.AUTHORIZATION), cookie,
        ClientAddress.of(ctx));
    Future<Authenticated> who = presented.none()
        ? Future.failedFuture(AccessRefused.unauthenticated("unauthenticated", "not signed in"))
        : authenticator.authenticate(presented).map(found -> found.orElseThrow(
            () -> AccessRefused.unauthenticated("unauthenticated", "not signed in")));
    who.onFailure(e -> refused(ctx, e, cookie != null))
        .onSuccess(w -> {
          if (w.passwordChangeRequired()) {
            away(ctx, "/account/password?next=" + URLEncoder.encode(back(ctx), StandardCharsets.UTF_8));
            return;
          }
          Viewer viewer;
          try {
            viewer = new Viewer(ActorScope.resolve(w.actor(), departments), w.csrfToken(),
                w.actor().department() == null ? null : departmentName.apply(w.actor().department()));
          } catch (AccessRefused e) {
            view.message(ctx, 403, null, "账号暂不可用", "您所属的单位已不在单位目录中，请联系管理员。");
            return;
          }
          if (!roles.contains(viewer.role())) {
            view.message(ctx, 403, viewer, "无权使用此页面", "您的角色（" + viewer.role().label() + "）不能使用此页面。");
            return;
          }
          if (changesState && w.via() == Authenticated.Via.SESSION && !Csrf.matches(w.csrfToken(), csrfOf(ctx))) {
            view.message(ctx, 403, viewer, "页面已过期", "页面已过期或来源不明，请刷新页面后重新提交。");
            return;
          }
          Future<?> done;
          try {
            done = then.apply(viewer);
          } catch (RuntimeException e) {
            done = Future.failedFuture(e);
          }
          done.onFailure(e -> failed(ctx, viewer, e));
        });
  }

  private void refused(RoutingContext ctx, Throwable e, boolean hadCookie) {
    if (e instanceof AccessRefused r && r.kind() == Problem.Kind.UNAUTHENTICATED) {
      if (hadCookie) {
        SessionCookie.clear(ctx, secureCookies);
      }
      away(ctx, "/login?next=" + URLEncoder.encode(back(ctx), StandardCharsets.UTF_8));
      return;
    }
    failed(ctx, null, e);
  }

  /** A failure the page did not handle itself: a message page, never a stack trace. */
  void failed(RoutingContext ctx, Viewer viewer, Throwable e) {
    if (ctx.response().ended()) {
      return;
    }
    if (e instanceof Problem p && p.kind() == Problem.Kind.NOT_FOUND) {
      view.message(ctx, 404, viewer, "没有找到", "没有找到您要的内容，或您无权查看。");
    } else if (e instanceof Problem p) {
      view.message(ctx, ConsoleErrors.status(p), viewer, "操作未完成", ConsoleErrors.chinese(p));
    } else {
      org.slf4j.LoggerFactory.getLogger(ConsoleSession.class).error("console page {} failed", ctx.request().path(), e);
      view.message(ctx, 500, viewer, "系统错误", "页面暂时无法显示，请稍后再试。");
    }
  }

  /**
   * Where to come back to after signing in: the page itself; for an htmx request (a fragment, a
   * form posted in place) the page it was made from; for a plain form post, the console's home.
   */
  static String back(RoutingContext ctx) {
    if (isHtmx(ctx)) {
      String page = ctx.request().getHeader("HX-Current-URL");
      if (page != null) {
        try {
          URI u = URI.create(page);
          String path = u.getRawPath();
          if (path != null && path.startsWith("/") && !path.startsWith("//")) {
            return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
          }
        } catch (IllegalArgumentException ignored) {
          // not an address: home below
        }
      }
      return ConsoleHome.PATH;
    }
    return ctx.request().method().name().equals("GET") ? ctx.request().uri() : ConsoleHome.PATH;
  }

  /**
   * Sends the browser to another page. An htmx request would follow a 303 itself and put the
   * login page inside the fragment it was loading; it is told to move the whole page instead.
   */
  static void away(RoutingContext ctx, String location) {
    if (isHtmx(ctx)) {
      ConsoleView.headers(ctx).setStatusCode(401).putHeader("HX-Redirect", location).end();
    } else {
      redirect(ctx, location);
    }
  }

  private static boolean isHtmx(RoutingContext ctx) {
    return "true".equals(ctx.request().getHeader("HX-Request"));
  }

  private static String csrfOf(RoutingContext ctx) {
    String h = ctx.request().getHeader(Csrf.HEADER);
    return h != null ? h : ctx.request().getFormAttribute(Csrf.FIELD);
  }

  static void redirect(RoutingContext ctx, String location) {
    ConsoleView.headers(ctx).setStatusCode(303).putHeader("Location", location).end();
  }
}
