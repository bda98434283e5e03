package org.open12345.hotline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.Await;

/** A database that cannot be reached is an outage (503, Retry-After), not a bug of ours (500). */
class ApiErrorsTest {
  static Vertx vertx;
  static HttpServer server;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.route("/unreachable").handler(ctx -> ctx.fail(new IllegalStateException("batch failed",
        new SocketException("Connection reset"))));
    router.route("/bug").handler(ctx -> ctx.fail(new IllegalStateException("a bug")));
    router.route().failureHandler(ApiErrors::handle);
    server = Await.result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
  }

  @AfterAll
  static void stop() throws Exception {
    Await.result(vertx.close());
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.actualPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anUnreachableDatabaseIs503WithRetryAfter() throws Exception {
    HttpResponse<String> r = get("/unreachable");
    assertEquals(503, r.statusCode(), r.body());
    assertEquals("database_unavailable", new JsonObject(r.body()).getString("error"));
    assertEquals(ApiErrors.RETRY_AFTER_SECONDS, r.headers().firstValue("Retry-After").orElse(null));
  }

  @Test
  void anythingElseUnexpectedStays500() throws Exception {
    HttpResponse<String> r = get("/bug");
    assertEquals(500, r.statusCode(), r.body());
    assertEquals("internal_error", new JsonObject(r.body()).getString("error"));
    assertNull(r.headers().firstValue("Retry-After").orElse(null));
  }
}
