package org.open12345.hotline.intake.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The citizens' own pages ({@code templates/pages/citizen/}, Pebble, every value HTML-escaped):
 * phone first, no script, and the same strict policy as the console (only this server's style
 * sheet). Never cached: they show the citizen's own text and replies.
 */
final class CitizenPages {
  static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
      + "frame-ancestors 'none'; base-uri 'none'";
  private final PebbleEngine engine;

  CitizenPages() {
    ClasspathLoader loader = new ClasspathLoader(CitizenPages.class.getClassLoader());
    loader.setPrefix("templates/pages/citizen");
    loader.setCharset("UTF-8");
    this.engine = new PebbleEngine.Builder().loader(loader).strictVariables(false).autoEscaping(true)
        .defaultLocale(Locale.SIMPLIFIED_CHINESE).build();
  }

  void send(RoutingContext ctx, int status, String page, Map<String, Object> values) {
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate(page + ".html.peb").evaluate(out, values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Cache-Control", "no-store")
        .end(out.toString());
  }
}
