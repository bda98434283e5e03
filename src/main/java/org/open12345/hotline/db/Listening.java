package org.open12345.hotline.db;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.time.Duration;

/**
 * The server's LISTEN connections (outbox relay, escalation scheduler, console live updates): each
 * of its own, outside the pool, reconnecting every second. A LISTEN connection sends nothing while
 * it waits, so when its database host vanishes without a FIN nothing on it ever times out: it
 * would wait for good, and its feature would miss every notification until a restart. Each
 * (re)connected socket therefore gets keepalive probes and the unanswered-packet limit
 * ({@link UnansweredPacketLimit}): unanswered probes end it, and the subscriber connects anew.
 */
public record Listening(Vertx vertx, PgConnectOptions options, Duration tcpUserTimeout) {

  /** A subscriber that reconnects every second, for good (callers say what they lose meanwhile). */
  public PgSubscriber subscriber() {
    return PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
  }

  /**
   * Listens on {@code channel}. The subscriber runs each channel's subscribe handler after every
   * (re)connection's LISTEN: that is where the new socket is guarded.
   */
  public void listen(PgSubscriber subscriber, String channel, Handler<String> handler) {
    subscriber.channel(channel).handler(handler).subscribeHandler(v -> {
      PgConnection connection = subscriber.actualConnection();
      if (connection != null) { // null: closed again before this ran; the next connection comes here too
        UnansweredPacketLimit.apply(connection, tcpUserTimeout);
      }
    });
  }
}
