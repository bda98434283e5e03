package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;
import org.open12345.hotline.problem.InvalidField;

/**
 * What the desks' small forms share: a path id, a trimmed field, and "do it, then back to the
 * desk": a refusal of the service is left to the session's message page (status and reason).
 */
final class ConsoleForms {
  private ConsoleForms() {}

  /** Runs {@code change}; done, redirects to {@code location}. */
  static Future<Void> thenBack(RoutingContext ctx, String location, Supplier<Future<?>> change) {
    Future<?> changed;
    try {
      changed = change.get();
    } catch (RuntimeException e) {
      changed = Future.failedFuture(e);
    }
    return changed.map(v -> {
      ConsoleSession.redirect(ctx, location);
      return null;
    });
  }

  static long id(RoutingContext ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new InvalidField("id", "is a number");
    }
  }

  /** The field, trimmed; null when missing or blank. */
  static String text(RoutingContext ctx, String field) {
    String v = ctx.request().getFormAttribute(field);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
