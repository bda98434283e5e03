package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /console/events}: Server-Sent Events for an open page, one {@code ticket} event per
 * ticket change the viewer may see (a department: its sub-tree's tickets only), carrying the
 * number alone. htmx's SSE extension reconnects by itself when the connection drops.
 */
final class LiveRoutes {
  private static final long HEARTBEAT_MS = 20_000;
  private final ConsoleSession session;
  private final Vertx vertx;

  LiveRoutes(ConsoleSession session, Vertx vertx) {
    this.session = session;
    this.vertx = vertx;
  }

  void mount(Router root) {
    root.get("/console/events").handler(ctx -> session.page(ctx, ConsoleHome.STAFF, viewer -> {
      stream(ctx, viewer);
      return Future.succeededFuture();
    }));
  }

  private void stream(RoutingContext ctx, Viewer viewer) {
    HttpServerResponse response = ConsoleView.headers(ctx).setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        // Proxies (nginx) must pass events on at once instead of buffering them.
        .putHeader("X-Accel-Buffering", "no");
    response.write("retry: 3000\n\n");
    MessageConsumer<String> consumer = vertx.eventBus().localConsumer(LiveFeed.ADDRESS, message -> {
      JsonObject change = new JsonObject(message.body());
      if (visible(change, viewer) && !response.ended()) {
        String number = change.getString("number");
        // One event for the lists, one named after the ticket for its own page (htmx triggers on
        // a name; a filter on the data would need eval, which the policy forbids).
        response.write("event: ticket\ndata: " + number + "\n\nevent: ticket-" + number + "\ndata: " + number
            + "\n\n");
      }
    });
    long heartbeat = vertx.setPeriodic(HEARTBEAT_MS, id -> {
      if (!response.ended()) {
        response.write(": \n\n");
      }
    });
    // A server shutting down ends the stream at once (the browser reconnects to another instance)
    // instead of holding the graceful shutdown for its whole grace period.
    ctx.request().connection().shutdownHandler(v -> {
      if (!response.ended()) {
        response.end();
      }
    });
    response.closeHandler(v -> {
      vertx.cancelTimer(heartbeat);
      consumer.unregister();
    });
  }

  /** Centre staff see every change; a department only those of tickets in its sub-tree. */
  static boolean visible(JsonObject change, Viewer viewer) {
    if (viewer.actor().scope() == null) {
      return true;
    }
    return change.getJsonArray("departments").stream().anyMatch(d -> viewer.actor().sees(String.valueOf(d)));
  }
}
