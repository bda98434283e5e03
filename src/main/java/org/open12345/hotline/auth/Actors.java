package org.open12345.hotline.auth;

import io.vertx.ext.web.RoutingContext;

/** The authenticated actor of a request, put there by {@link AccessHandler}. */
public final class Actors {
  static final String KEY = "hotline.actor";
  private static final String CSRF_KEY = "hotline.csrf";

  private Actors() {}

  /**
   * @throws IllegalStateException when the route is not behind the access handler (a wiring bug:
   *     answered 500, never served anonymously)
   */
  public static Actor of(RoutingContext ctx) {
    Actor a = ctx.get(KEY);
    if (a == null) {
      throw new IllegalStateException("no authenticated actor on " + ctx.request().path()
          + ": the route is not behind the access handler");
    }
    return a;
  }

  /** The session's CSRF token, for pages that make requests; null for bearer tokens. */
  public static String csrfToken(RoutingContext ctx) {
    return ctx.get(CSRF_KEY);
  }

  static void put(RoutingContext ctx, Actor actor, String csrfToken) {
    ctx.put(KEY, actor);
    if (csrfToken != null) {
      ctx.put(CSRF_KEY, csrfToken);
    }
  }
}
