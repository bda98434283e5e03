package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.open12345.hotline.auth.Role;

/**
 * {@code GET /console/events}: Server-Sent Events for an open page, one {@code ticket} event per
 * ticket change the viewer may see (a department: its sub-tree's tickets only), carrying the
 * number alone; a {@code call} event when a citizen's call rings at the extension the operator sits
 * at (a fragment that loads the caller's history into the desk); a {@code desk} event to centre
 * staff when one of the desks' other lists changed (its table's name). htmx's SSE extension
 * reconnects by itself when the connection drops.
 */
final class LiveRoutes {
  private static final long HEARTBEAT_MS = 20_000;
  private final ConsoleSession session;
  private final Vertx vertx;
  private final Seats seats;
  private final ConsoleView view;

  /** @param seats null when the console runs without the operators' seats (no call pops) */
  LiveRoutes(ConsoleSession session, Vertx vertx, Seats seats, ConsoleView view) {
    this.session = session;
    this.vertx = vertx;
    this.seats = seats;
    this.view = view;
  }

  void mount(Router root) {
    root.get("/console/events").handler(ctx -> session.page(ctx, ConsoleHome.STAFF, viewer -> {
      boolean seated = seats != null && (viewer.role() == Role.OPERATOR || viewer.role() == Role.DISPATCHER);
      return (seated ? seats.of(viewer.actor()) : Future.succeededFuture(Optional.<String>empty()))
          .map(seat -> {
            stream(ctx, viewer, seat.orElse(null));
            return null;
          });
    }));
  }

  private void stream(RoutingContext ctx, Viewer viewer, String seat) {
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
    MessageConsumer<String> calls = vertx.eventBus().localConsumer(LiveFeed.CALLS, message -> {
      JsonObject call = new JsonObject(message.body());
      if (LiveCalls.ringsAt(call, seat) && !response.ended()) {
        response.write("event: call\ndata: " + ring(call) + "\n\n");
      }
    });
    boolean centre = viewer.actor().scope() == null;
    MessageConsumer<String> desk = vertx.eventBus().localConsumer(LiveFeed.DESK, message -> {
      if (centre && !response.ended()) {
        response.write("event: desk\ndata: " + message.body() + "\n\n");
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
      calls.unregister();
      desk.unregister();
    });
  }

  /** The fragment a ringing call swaps into the desk: it loads the caller's history (one line). */
  private String ring(JsonObject call) {
    String url = "/console/operator/caller?phone=" + enc(call.getString("from")) + "&call="
        + enc(call.getString("call_id")) + "&provider=" + enc(call.getString("provider"));
    return view.render("operator/ring", Map.of("url", url, "phone", call.getString("from")))
        .replaceAll("[\\r\\n]+", " ");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }

  /** Centre staff see every change; a department only those of tickets in its sub-tree. */
  static boolean visible(JsonObject change, Viewer viewer) {
    if (viewer.actor().scope() == null) {
      return true;
    }
    return change.getJsonArray("departments").stream().anyMatch(d -> viewer.actor().sees(String.valueOf(d)));
  }
}
