package org.open12345.hotline.notify;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** Small shared readings of provider HTTP answers. */
public final class ProviderResponses {

  private ProviderResponses() {}

  /** The body as a JSON object, or null when it is empty or not JSON (a proxy's HTML 502 page). */
  public static JsonObject jsonOrNull(Buffer body) {
    if (body == null || body.length() == 0) {
      return null;
    }
    if (!body.toString().strip().startsWith("{")) {
      return null;
    }
    try {
      return new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  /** HTTP statuses that say "later": request timeout, throttled, any server-side error. */
  public static boolean isRetryableStatus(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /** Keeps stored provider answers readable and bounded. */
  public static String abbreviate(Buffer body) {
    if (body == null) {
      return "";
    }
    String text = body.toString();
    return text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
  }
}
