package org.open12345.hotline.auth;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * The browser session cookie: {@code HttpOnly} (scripts cannot read it), {@code SameSite=Lax}
 * (other sites' forms do not carry it), {@code Secure} when the server is reached over https.
 * It carries a random id only; the session itself is a database row.
 */
public final class SessionCookie {
  public static final String NAME = "hotline_session";

  private SessionCookie() {}

  public static String read(RoutingContext ctx) {
    Cookie c = ctx.request().getCookie(NAME);
    return c == null ? null : c.getValue();
  }

  public static void set(RoutingContext ctx, String value, boolean secure) {
    ctx.response().addCookie(base(value, secure));
  }

  public static void clear(RoutingContext ctx, boolean secure) {
    ctx.response().addCookie(base("", secure).setMaxAge(0));
  }

  private static Cookie base(String value, boolean secure) {
    return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX)
        .setSecure(secure);
  }
}
