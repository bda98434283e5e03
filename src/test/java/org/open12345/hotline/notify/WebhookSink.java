package org.open12345.hotline.notify;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A receiver for the signed-webhook channel that records when each request arrived and how
 * often each outbox message (the {@code webhook-id} header) came; answers {@link #status}.
 */
final class WebhookSink implements AutoCloseable {
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  final List<Long> arrivalNanos = Collections.synchronizedList(new ArrayList<>());
  final Map<String, Integer> requestsPerMessage = Collections.synchronizedMap(new HashMap<>());
  volatile int status = 204;
  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;

  WebhookSink() throws Exception {
    server = vertx.createHttpServer()
        .requestHandler(req -> {
          arrivalNanos.add(System.nanoTime());
          requestsPerMessage.merge(req.getHeader("webhook-id"), 1, Integer::sum);
          req.response().setStatusCode(status).end();
        })
        .listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** The config lines of a {@code webhook} channel with one endpoint, {@code sink}, pointing here. */
  Map<String, String> endpointConfig() {
    Map<String, String> config = new HashMap<>();
    config.put("messaging.webhook.endpoints.sink.url", "http://127.0.0.1:" + server.actualPort() + "/hook");
    config.put("messaging.webhook.endpoints.sink.secret", SECRET);
    return config;
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
