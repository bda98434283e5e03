package org.open12345.hotline.intake.voice;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.open12345.hotline.ticket.PhoneNumbers;
import org.open12345.hotline.web.JsonBody;

/** {@code GET /api/callers/{phone}}: the operator's screen pop (earlier tickets, calls, open callback tasks). */
public final class CallerRoutes {
  private final CallerService callers;

  public CallerRoutes(CallerService callers) {
    this.callers = callers;
  }

  /** The routes under {@code /api/callers}. */
  public Router router(Vertx vertx) {
    Router r = Router.router(vertx);
    r.get("/:phone").handler(this::caller);
    return r;
  }

  private void caller(RoutingContext ctx) {
    callers.caller(PhoneNumbers.normalize(ctx.pathParam("phone")))
        .onSuccess(c -> {
          JsonArray tickets = new JsonArray();
          c.tickets().forEach(t -> tickets.add(t.toJson()));
          JsonArray calls = new JsonArray();
          c.calls().forEach(call -> calls.add(call.toJson()));
          JsonArray tasks = new JsonArray();
          c.openTasks().forEach(k -> tasks.add(k.toJson()));
          JsonBody.reply(ctx, 200, new JsonObject().put("phone", c.phone()).put("tickets", tickets)
              .put("calls", calls).put("callback_tasks", tasks));
        })
        .onFailure(ctx::fail);
  }
}
