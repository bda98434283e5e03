package org.open12345.hotline.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * A floor under every answer: no content-type sniffing, and an HTML answer that did not set its
 * own policy (a page added later, a framework error page) still goes out with the strictest one
 * (nothing runs, nothing frames it). The pages' own policies are as strict or stricter in intent;
 * this only fills a gap, it never loosens what a page set.
 */
public final class PageHeaders {
  /** No script, no inline style, only this server's style sheet and images; never framed. */
  public static final String STRICT_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private PageHeaders() {}

  /** Installed first on the root router. */
  public static void handle(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> {
      MultiMap h = ctx.response().headers();
      h.set("X-Content-Type-Options", "nosniff");
      String type = h.get("Content-Type");
      if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/html")
          && !h.contains("Content-Security-Policy")) {
        h.set("Content-Security-Policy", STRICT_CSP);
        h.set("X-Frame-Options", "DENY");
      }
    });
    ctx.next();
  }
}
