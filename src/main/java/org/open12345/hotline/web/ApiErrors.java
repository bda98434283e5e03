package org.open12345.hotline.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.open12345.hotline.db.DatabaseUnreachable;
import org.open12345.hotline.db.UnstorableText;
import org.open12345.hotline.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every failure in the one error shape; only our own bugs become 500. A database that
 * cannot be reached is 503 with Retry-After: an outage clients and providers wait out and retry.
 */
public final class ApiErrors {
  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  /** Seconds a client is asked to wait before it tries again when the database cannot be reached. */
  static final String RETRY_AFTER_SECONDS = "5";

  public static void handle(RoutingContext ctx) {
    Throwable t = ctx.failure();
    ApiException e = translate(t, ctx.statusCode());
    if (e.status() == 503) {
      // An outage, not a bug: one line per request, no stack (a failover fails hundreds at once).
      log.warn("{} {}: database unreachable ({})", ctx.request().method(), ctx.request().path(), t.toString());
      if (!ctx.response().headWritten()) {
        ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
      }
    } else if (e.status() >= 500) {
      log.error("{} {} failed", ctx.request().method(), ctx.request().path(), t);
    }
    send(ctx, e);
  }

  public static void send(RoutingContext ctx, ApiException e) {
    if (ctx.response().ended()) {
      return;
    }
    JsonObject body = new JsonObject().put("error", e.code()).put("message", e.getMessage());
    body.put("details", e.details());
    ctx.response()
        .setStatusCode(e.status())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }

  static ApiException translate(Throwable t, int status) {
    if (t instanceof ApiException a) {
      return a;
    }
    if (t instanceof Problem p) {
      return new ApiException(status(p.kind()), p.code(), p.getMessage(),
          p.details() == null ? null : new JsonObject(new java.util.LinkedHashMap<>(p.details())));
    }
    if (t instanceof DecodeException || (t != null && t.getCause() instanceof DecodeException)) {
      return new ApiException(400, "malformed_json", "request body is not valid JSON", null);
    }
    // A status the web layer already chose (a body over its limit) stands, whatever its cause.
    if ((status < 400 || status >= 500) && DatabaseUnreachable.is(t)) {
      return new ApiException(503, "database_unavailable",
          "the database cannot be reached just now; try again (a provider's retry is safe; a request cut off "
              + "while being stored may have been stored)", null);
    }
    if (UnstorableText.is(t)) {
      return new ApiException(400, "invalid_text", "the request contains a character that cannot be stored (e.g. NUL)",
          null);
    }
    if (t instanceof HttpException h) {
      status = h.getStatusCode();
    }
    return switch (status) {
      case 400 -> new ApiException(400, "bad_request", "bad request", null);
      case 401 -> new ApiException(401, "unauthorized", "authentication required", null);
      case 403 -> new ApiException(403, "forbidden", "forbidden", null);
      case 404 -> new ApiException(404, "not_found", "no such resource", null);
      case 405 -> new ApiException(405, "method_not_allowed", "method not allowed", null);
      case 413 -> new ApiException(413, "body_too_large", "request body is too large", null);
      case 415 -> new ApiException(415, "unsupported_media_type", "unsupported content type", null);
      default -> status >= 400 && status < 500
          ? new ApiException(status, "client_error", "request refused", null)
          : new ApiException(500, "internal_error", "internal error; the request was not applied", null);
    };
  }

  /** The HTTP status of each kind of refusal (the console's pages answer with the same). */
  public static int status(Problem.Kind kind) {
    return switch (kind) {
      case INVALID -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case TOO_MANY -> 429;
      case UNPROCESSABLE -> 422;
    };
  }
}
