package org.open12345.hotline.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Staff pages rendered on the server from Pebble templates under {@code templates/console/}
 * (one folder per area), HTML-escaped, strict about variables; answered with a policy that allows
 * no script at all and keeps the page out of caches (it shows citizens' data).
 */
public final class ConsolePages {
  private static final String CSP = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  private final PebbleEngine engine;

  public ConsolePages() {
    ClasspathLoader loader = new ClasspathLoader(ConsolePages.class.getClassLoader());
    loader.setPrefix("templates/console");
    loader.setCharset("UTF-8");
    this.engine = new PebbleEngine.Builder()
        .loader(loader)
        .strictVariables(true)
        .autoEscaping(true)
        .defaultLocale(Locale.SIMPLIFIED_CHINESE)
        .build();
  }

  /** Renders {@code templates/console/<name>.html.peb}. */
  public String render(String name, Map<String, Object> vars) {
    try {
      StringWriter out = new StringWriter();
      engine.getTemplate(name + ".html.peb").evaluate(out, vars);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a rendered page with the console's headers. */
  public void send(RoutingContext ctx, int status, String name, Map<String, Object> vars) {
    String html = render(name, vars);
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .end(html);
  }
}
