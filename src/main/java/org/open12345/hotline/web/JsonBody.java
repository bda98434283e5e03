package org.open12345.hotline.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.ext.web.RoutingContext;

/** The request body as a JSON object, or a 400 saying why it is not one. */
public final class JsonBody {
  /**
   * Jackson's streaming parser straight into JsonObject/JsonArray. {@code Json.decodeValue} goes
   * through the databind codec (an ObjectMapper building untyped maps) once jackson-databind is on
   * the class path: the same values, but it was most of the 1.3 % of the server's CPU that reading
   * a complaint's body cost in the intake profile (bench/README.md, "Server CPU profile").
   */
  private static final JacksonCodec STREAMING = new JacksonCodec();

  private JsonBody() {}

  public static JsonObject of(RoutingContext ctx) {
    var buf = ctx.body().buffer();
    if (buf == null || buf.length() == 0) {
      throw new ApiException(400, "missing_body", "request body is empty; send a JSON object", null);
    }
    Object v;
    try {
      v = STREAMING.fromBuffer(buf);
    } catch (DecodeException e) {
      throw new ApiException(400, "malformed_json", "request body is not valid JSON: " + shortReason(e), null);
    }
    if (!(v instanceof JsonObject o)) {
      throw new ApiException(400, "malformed_json", "request body must be a JSON object", null);
    }
    return o;
  }

  private static String shortReason(DecodeException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    int cut = m.indexOf('\n');
    return cut > 0 ? m.substring(0, cut) : m;
  }

  public static void reply(RoutingContext ctx, int status, Object json) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(json instanceof JsonObject o ? o.encode() : io.vertx.core.json.Json.encode(json));
  }
}
