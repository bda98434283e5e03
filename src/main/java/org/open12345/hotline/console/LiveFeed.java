package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.open12345.hotline.db.Listening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One LISTEN per server instance on the console's channels (ticket changes, ringing calls, the
 * desks' other lists), handed to this instance's open
 * screens through the (local) event bus: each SSE connection, on whichever event loop it lives,
 * consumes {@link #ADDRESS}, {@link #CALLS} and {@link #DESK}.
 */
final class LiveFeed {
  static final String ADDRESS = "console.tickets";
  static final String CALLS = "console.calls";
  static final String DESK = "console.desk";
  private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
  private final Vertx vertx;
  private final Listening listening;
  private PgSubscriber subscriber;

  LiveFeed(Vertx vertx, Listening listening) {
    this.vertx = vertx;
    this.listening = listening;
  }

  Future<Void> start() {
    // Reconnect forever: while the LISTEN is down screens only miss live updates (a reload shows all).
    subscriber = listening.subscriber();
    listening.listen(subscriber, LiveRepository.CHANNEL, payload -> vertx.eventBus().publish(ADDRESS, payload));
    listening.listen(subscriber, LiveRepository.CALLS, payload -> vertx.eventBus().publish(CALLS, payload));
    listening.listen(subscriber, LiveRepository.DESK, payload -> vertx.eventBus().publish(DESK, payload));
    return subscriber.connect().recover(e -> {
      log.warn("console live updates could not LISTEN ({}); screens update on reload only", e.getMessage());
      return Future.succeededFuture();
    });
  }

  Future<Void> stop() {
    return subscriber == null ? Future.succeededFuture() : subscriber.close();
  }
}
