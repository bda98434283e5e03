package org.open12345.hotline.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;
import java.util.Set;

/**
 * Reads request bodies (up to a limit) for the routes. Vert.x refuses to decode a form body of a
 * GET, HEAD or OPTIONS (IllegalStateException, which became a 500): such a request has no form to
 * read, so its body handling is skipped and the route answers as for any GET (found by the fuzz of
 * issue 15: {@code GET /api/returns} with {@code Content-Type: application/x-www-form-urlencoded}).
 */
public final class BodyReading {
  private static final Set<HttpMethod> FORM_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
      HttpMethod.DELETE);

  private BodyReading() {}

  public static Handler<RoutingContext> upTo(long limitBytes) {
    BodyHandler bodies = BodyHandler.create(false).setBodyLimit(limitBytes);
    return ctx -> {
      if (FORM_METHODS.contains(ctx.request().method()) || !isForm(ctx.request().getHeader("Content-Type"))) {
        bodies.handle(ctx);
      } else {
        ctx.next();
      }
    };
  }

  static boolean isForm(String contentType) {
    String t = contentType == null ? "" : contentType.trim().toLowerCase(Locale.ROOT);
    return t.startsWith("application/x-www-form-urlencoded") || t.startsWith("multipart/");
  }
}
