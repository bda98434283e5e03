package org.open12345.hotline.identity;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import org.open12345.hotline.auth.AccessRefused;
import org.open12345.hotline.auth.Authenticated;
import org.open12345.hotline.auth.Csrf;
import org.open12345.hotline.auth.DepartmentDirectory;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.auth.SessionCookie;
import org.open12345.hotline.problem.Problem;
import org.open12345.hotline.web.ClientAddress;
import org.open12345.hotline.web.JsonBody;

/**
 * Signing in and out, and the account's own password. Each POST takes a form (a browser: pages
 * and redirects) or JSON (scripts and tests: JSON answers, errors in the error shape).
 */
final class LoginRoutes {
  /** Where a signed-in person lands when the login page was not opened on the way to a page. */
  static final String HOME = "/console";
  /**
   * The login form's own CSRF guard (double submit): a random value in a cookie that only this
   * site's page can also put in the form, so another site cannot sign a browser into an account
   * of the attacker's choosing.
   */
  static final String LOGIN_COOKIE = "hotline_login";
  private final Logins logins;
  private final LoginPages pages;
  private final DepartmentDirectory departments;
  private final boolean secure;

  LoginRoutes(Logins logins, LoginPages pages, DepartmentDirectory departments, boolean secure) {
    this.logins = logins;
    this.pages = pages;
    this.departments = departments;
    this.secure = secure;
  }

  void mount(Router root) {
    root.get("/login").handler(this::loginPage);
    root.post("/login").handler(this::login);
    root.post("/logout").handler(this::logout);
    root.get("/account").handler(ctx -> withSession(ctx, false, who -> accountPage(ctx, who)));
    root.get("/account/password").handler(ctx -> withSession(ctx, false, who -> {
      pages.password(ctx, 200, who.csrfToken(), who.passwordChangeRequired(),
          safeNext(ctx.queryParams().get("next")), null);
      return Future.succeededFuture();
    }));
    root.post("/account/password").handler(ctx -> withSession(ctx, true, who -> changePassword(ctx, who)));
  }

  private void loginPage(RoutingContext ctx) {
    String notice = ctx.queryParams().contains("signed_out") ? "您已退出登录。" : null;
    loginPage(ctx, 200, safeNext(ctx.queryParams().get("next")), null, null, notice);
  }

  /** The login form with a fresh login token (cookie and hidden field). */
  private void loginPage(RoutingContext ctx, int status, String next, String username, String error, String notice) {
    String token = Secrets.newCsrfToken();
    ctx.response().addCookie(Cookie.cookie(LOGIN_COOKIE, token).setPath("/login").setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT).setSecure(secure));
    pages.login(ctx, status, token, next, username, error, notice);
  }

  private void login(RoutingContext ctx) {
    String address = ClientAddress.of(ctx);
    if (isJson(ctx)) {
      JsonObject b = JsonBody.of(ctx);
      logins.login(b.getValue("username") instanceof String u ? u : null,
              b.getValue("password") instanceof String p ? p : null, address)
          .onSuccess(opened -> {
            SessionCookie.set(ctx, opened.sessionId(), secure);
            LoginPages.noStore(ctx);
            JsonBody.reply(ctx, 200, new JsonObject().put("name", opened.actor().id())
                .put("role", opened.actor().role().name()).put("department_id", opened.actor().department())
                .put("csrf_token", opened.csrfToken())
                .put("password_change_required", opened.passwordChangeRequired()));
          })
          .onFailure(e -> fail(ctx, e));
      return;
    }
    String username = ctx.request().getFormAttribute("username");
    String next = safeNext(ctx.request().getFormAttribute("next"));
    Cookie pageToken = ctx.request().getCookie(LOGIN_COOKIE);
    if (pageToken == null || !Csrf.matches(pageToken.getValue(), ctx.request().getFormAttribute("login_token"))) {
      if (wantsHtml(ctx)) {
        loginPage(ctx, 403, next, username, "登录页面已过期，请重新输入用户名和密码", null);
      } else {
        ctx.fail(Csrf.refused());
      }
      return;
    }
    logins.login(username, ctx.request().getFormAttribute("password"), address)
        .onSuccess(opened -> {
          SessionCookie.set(ctx, opened.sessionId(), secure);
          ctx.response().addCookie(Cookie.cookie(LOGIN_COOKIE, "").setPath("/login").setMaxAge(0));
          // A one-time password sets its own first; the way back travels through that page.
          redirect(ctx, opened.passwordChangeRequired() ? passwordPage(next) : next);
        })
        .onFailure(e -> {
          if (wantsHtml(ctx) && e instanceof Problem p) {
            retryAfter(ctx, e);
            pages.login(ctx, p.kind() == Problem.Kind.TOO_MANY ? 429 : 401, pageToken.getValue(), next, username,
                p.getMessage(), null);
          } else {
            fail(ctx, e);
          }
        });
  }

  private void logout(RoutingContext ctx) {
    withSession(ctx, true, who -> logins.logout(SessionCookie.read(ctx), ClientAddress.of(ctx)).map(v -> {
      SessionCookie.clear(ctx, secure);
      if (wantsHtml(ctx)) {
        redirect(ctx, "/login?signed_out");
      } else {
        ctx.response().setStatusCode(204).end();
      }
      return null;
    }));
  }

  private Future<Void> accountPage(RoutingContext ctx, Authenticated who) {
    if (who.passwordChangeRequired()) {
      redirect(ctx, passwordPage("/account"));
      return Future.succeededFuture();
    }
    var a = who.actor();
    String notice = a.role() == Role.DEPARTMENT && !departments.exists(a.department())
        ? "所属单位 " + a.department() + " 已不在单位目录中，账号暂不能办理工单，请联系管理员。" : null;
    pages.account(ctx, who.csrfToken(), a.id(), a.role().name(), a.role().label(), a.department(), notice);
    return Future.succeededFuture();
  }

  private Future<Void> changePassword(RoutingContext ctx, Authenticated who) {
    String current;
    String next;
    String confirm;
    String back = isJson(ctx) ? HOME : safeNext(ctx.request().getFormAttribute("next"));
    if (isJson(ctx)) {
      JsonObject b = JsonBody.of(ctx);
      current = b.getValue("current_password") instanceof String s ? s : "";
      next = b.getValue("new_password") instanceof String s ? s : "";
      confirm = next;
    } else {
      current = orEmpty(ctx.request().getFormAttribute("current_password"));
      next = orEmpty(ctx.request().getFormAttribute("new_password"));
      confirm = orEmpty(ctx.request().getFormAttribute("confirm_password"));
    }
    if (!next.equals(confirm)) {
      pages.password(ctx, 400, who.csrfToken(), who.passwordChangeRequired(), back, "两次输入的新密码不一致");
      return Future.succeededFuture();
    }
    return logins.changePassword(SessionCookie.read(ctx), current, next, ClientAddress.of(ctx))
        .map(v -> {
          if (isJson(ctx)) {
            ctx.response().setStatusCode(204).end();
          } else {
            redirect(ctx, back);
          }
          return (Void) null;
        })
        .recover(e -> {
          if (!isJson(ctx) && e instanceof IdentityProblem p && p.kind() == Problem.Kind.INVALID) {
            pages.password(ctx, 400, who.csrfToken(), who.passwordChangeRequired(), back, p.getMessage());
            return Future.succeededFuture();
          }
          return Future.failedFuture(e);
        });
  }

  /**
   * Runs {@code then} for the request's session. Without one, a page is redirected to the login
   * page; a POST is refused in the error shape (401), as is a POST without the session's CSRF token
   * (403).
   */
  private void withSession(RoutingContext ctx, boolean changesState, Function<Authenticated, Future<Void>> then) {
    String cookie = SessionCookie.read(ctx);
    Future<Authenticated> who = cookie == null || cookie.isEmpty()
        ? Future.failedFuture(AccessRefused.unauthenticated("unauthenticated", "not signed in"))
        : logins.authenticate(cookie);
    who.compose(w -> {
          if (changesState && !Csrf.matches(w.csrfToken(), csrfPresented(ctx))) {
            return Future.failedFuture(Csrf.refused());
          }
          return then.apply(w);
        })
        .onFailure(e -> {
          if (e instanceof AccessRefused r && r.kind() == Problem.Kind.UNAUTHENTICATED) {
            if (cookie != null) {
              SessionCookie.clear(ctx, secure);
            }
            if (!changesState) {
              redirect(ctx, "/login?next=" + java.net.URLEncoder.encode(ctx.request().uri(),
                  java.nio.charset.StandardCharsets.UTF_8));
              return;
            }
          }
          fail(ctx, e);
        });
  }

  private static String csrfPresented(RoutingContext ctx) {
    String h = ctx.request().getHeader(Csrf.HEADER);
    return h != null ? h : ctx.request().getFormAttribute(Csrf.FIELD);
  }

  private static void fail(RoutingContext ctx, Throwable e) {
    retryAfter(ctx, e);
    ctx.fail(e);
  }

  private static void retryAfter(RoutingContext ctx, Throwable e) {
    if (e instanceof IdentityProblem p && p.retryAfterSeconds() > 0) {
      ctx.response().putHeader("Retry-After", Long.toString(p.retryAfterSeconds()));
    }
  }

  static boolean isJson(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
  }

  private static boolean wantsHtml(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }

  private static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(303).putHeader("Location", location).end();
  }

  /**
   * Only a path on this server: never {@code //evil.example}, {@code /\\evil.example},
   * {@code https://...} or {@code javascript:...}; control characters and over-long values are
   * dropped too (a header splitter, a log forger). Anything else becomes the console's home.
   */
  static String safeNext(String next) {
    if (next == null || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
        || next.startsWith("/\\") || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
      return HOME;
    }
    return next;
  }

  /** The password page, then {@code next} (only if it is somewhere other than home). */
  static String passwordPage(String next) {
    String safe = safeNext(next);
    return HOME.equals(safe) ? "/account/password"
        : "/account/password?next=" + java.net.URLEncoder.encode(safe, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
