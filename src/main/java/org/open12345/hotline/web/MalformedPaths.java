package org.open12345.hotline.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * Answers a request whose path has a broken percent-escape ({@code /%zz}, {@code /api/%}) with 400
 * in the one error shape before it reaches the router. Vert.x Web answers such a request 400 too,
 * but only after logging "Unhandled exception in router" with a full stack trace at ERROR: the
 * fuzzing scenario of the resilience suite made ~3,400 of them, so anybody could flood the log.
 */
public final class MalformedPaths implements Handler<HttpServerRequest> {
  private final Handler<HttpServerRequest> next;

  private MalformedPaths(Handler<HttpServerRequest> next) {
    this.next = next;
  }

  /** {@code next} (the root router) gets every request whose path can be decoded. */
  public static Handler<HttpServerRequest> before(Handler<HttpServerRequest> next) {
    return new MalformedPaths(next);
  }

  @Override
  public void handle(HttpServerRequest req) {
    if (wellEscaped(req.path())) {
      next.handle(req);
      return;
    }
    req.response()
        .setStatusCode(400)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(new JsonObject().put("error", "malformed_path")
            .put("message", "the path has a '%' not followed by two hexadecimal digits").putNull("details").encode());
  }

  /** Every '%' is followed by two hexadecimal digits (what RFC 3986 decoding needs). */
  static boolean wellEscaped(String path) {
    if (path == null) {
      return true;
    }
    int n = path.length();
    for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
      if (i + 2 >= n || Character.digit(path.charAt(i + 1), 16) < 0 || Character.digit(path.charAt(i + 2), 16) < 0) {
        return false;
      }
      i += 2;
    }
    return true;
  }
}
