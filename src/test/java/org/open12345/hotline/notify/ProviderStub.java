package org.open12345.hotline.notify;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A local HTTP server playing a provider: records each request and answers as told. */
public final class ProviderStub implements AutoCloseable {

  public record Received(String method, String uri, String path, MultiMap headers, String body) {}

  /** {@code status < 0} means: never answer (for timeouts). */
  public record Reply(int status, String contentType, String body) {
    public static Reply json(int status, String body) {
      return new Reply(status, "application/json", body);
    }

    public static Reply silence() {
      return new Reply(-1, null, null);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Function<Received, Reply> answer = r -> Reply.json(200, "{}");

  private ProviderStub(Vertx vertx) throws Exception {
    server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      Received r = new Received(request.method().name(), request.uri(), request.path(),
          MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), body.toString());
      received.add(r);
      Reply reply = answer.apply(r);
      if (reply.status() < 0) {
        return;
      }
      request.response().setStatusCode(reply.status());
      if (reply.contentType() != null) {
        request.response().putHeader("Content-Type", reply.contentType());
      }
      request.response().end(reply.body() == null ? "" : reply.body());
    }));
    server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public static ProviderStub start(Vertx vertx) throws Exception {
    return new ProviderStub(vertx);
  }

  public ProviderStub answering(Function<Received, Reply> answer) {
    this.answer = answer;
    return this;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public List<Received> received() {
    return received;
  }

  public Received only() {
    if (received.size() != 1) {
      throw new AssertionError("expected one request, got " + received.size());
    }
    return received.get(0);
  }

  /** A loopback URL where nothing listens: connection refused. */
  public static String closedPortUrl() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
