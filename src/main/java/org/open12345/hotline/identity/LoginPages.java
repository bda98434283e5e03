package org.open12345.hotline.identity;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The login, password and account pages (Pebble, every variable HTML-escaped, no scripts). */
final class LoginPages {
  // Pages hold passwords and CSRF tokens: never cached, never framed (clickjacking), forms post
  // only to this server; no script at all, and only the console's own style sheet.
  private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
      + "frame-ancestors 'none'; base-uri 'none'";
  private final PebbleEngine engine;

  LoginPages() {
    ClasspathLoader loader = new ClasspathLoader(LoginPages.class.getClassLoader());
    loader.setPrefix("templates");
    loader.setCharset("UTF-8");
    this.engine = new PebbleEngine.Builder().loader(loader).strictVariables(false).autoEscaping(true)
        .defaultLocale(Locale.SIMPLIFIED_CHINESE).build();
  }

  void login(RoutingContext ctx, int status, String loginToken, String next, String username, String error,
      String notice) {
    Map<String, Object> v = new HashMap<>();
    v.put("loginToken", loginToken);
    v.put("next", next);
    v.put("username", username == null ? "" : username);
    v.put("error", error);
    v.put("notice", notice);
    send(ctx, status, "login", v);
  }

  void password(RoutingContext ctx, int status, String csrfToken, boolean forced, String next, String error) {
    Map<String, Object> v = new HashMap<>();
    v.put("next", next);
    v.put("csrfToken", csrfToken);
    v.put("forced", forced);
    v.put("error", error);
    send(ctx, status, "password", v);
  }

  void account(RoutingContext ctx, String csrfToken, String name, String role, String roleLabel, String department,
      String notice) {
    Map<String, Object> v = new HashMap<>();
    v.put("csrfToken", csrfToken);
    v.put("name", name);
    v.put("role", role);
    v.put("roleLabel", roleLabel);
    v.put("department", department);
    v.put("notice", notice);
    send(ctx, 200, "account", v);
  }

  private void send(RoutingContext ctx, int status, String page, Map<String, Object> values) {
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate("pages/identity/" + page + ".html.peb").evaluate(out, values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    noStore(ctx);
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "same-origin")
        .end(out.toString());
  }

  static void noStore(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
  }
}
