package org.open12345.hotline.console;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.problem.InvalidField;
import org.open12345.hotline.routing.DispatchQueue;

/**
 * The dispatch desk's 「采纳」 button: accepts one of a queued ticket's suggestions through the
 * routing feature's {@link DispatchQueue#accept} (the API's own service) and comes back to the queue.
 */
final class SuggestionRoutes {
  private final ConsoleSession session;
  private final DispatchQueue queue;

  SuggestionRoutes(ConsoleSession session, DispatchQueue queue) {
    this.session = session;
    this.queue = queue;
  }

  void mount(Router root, TicketPageRoutes page) {
    root.post("/tickets/:number/accept-suggestion").handler(ctx -> session.form(ctx,
        EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR), viewer -> page.afterForm(ctx, viewer, "DISPATCH",
            () -> queue.accept(ctx.pathParam("number"), rank(ctx), viewer.actor()))));
  }

  private static int rank(RoutingContext ctx) {
    String v = ctx.request().formAttributes().get("rank");
    if (v == null || !v.matches("[1-3]")) {
      throw new InvalidField("rank", "must be 1, 2 or 3");
    }
    return Integer.parseInt(v);
  }
}
