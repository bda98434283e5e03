package org.open12345.hotline.console;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the console's pages from {@code templates/console/<area>/<page>.html.peb} (Pebble, every
 * variable HTML-escaped) and answers them with the console's headers: a policy that runs only this
 * server's own script files (no inline script or style, no eval), never framed, never cached (the
 * pages show citizens' data), no content-type sniffing.
 */
final class ConsoleView {
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  private final PebbleEngine engine;

  ConsoleView() {
    ClasspathLoader loader = new ClasspathLoader(ConsoleView.class.getClassLoader());
    loader.setPrefix("templates/console");
    loader.setCharset("UTF-8");
    this.engine = new PebbleEngine.Builder().loader(loader).strictVariables(false).autoEscaping(true)
        .defaultLocale(Locale.SIMPLIFIED_CHINESE).build();
  }

  String render(String page, Map<String, Object> values) {
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate(page + ".html.peb").evaluate(out, values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A whole page (or an htmx fragment) with {@code values} plus the viewer's layout values. */
  void send(RoutingContext ctx, int status, String page, Viewer viewer, Map<String, Object> values) {
    Map<String, Object> all = new HashMap<>(values);
    // The page's own address: live regions reload from it when a ticket changes.
    all.put("self", ctx.request().uri());
    if (viewer != null) {
      all.putAll(viewer.layout());
    }
    String html = render(page, all);
    headers(ctx).setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").end(html);
  }

  /** A short page with a title and one sentence (not found, not allowed, something failed). */
  void message(RoutingContext ctx, int status, Viewer viewer, String title, String message) {
    send(ctx, status, "message", viewer, Map.of("title", title, "message", message));
  }

  static io.vertx.core.http.HttpServerResponse headers(RoutingContext ctx) {
    return ctx.response()
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "same-origin")
        .putHeader("Cache-Control", "no-store");
  }
}
