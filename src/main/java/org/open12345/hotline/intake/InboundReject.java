package org.open12345.hotline.intake;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A payload refused as malformed, kept raw for diagnosis. */
public record InboundReject(long id, String channel, String provider, String reason, String field, String raw,
    String remoteIp, Instant arrivedAt) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("channel", channel).put("provider", provider).put("reason", reason)
        .put("field", field).put("raw", raw).put("remote_ip", remoteIp).put("arrived_at", arrivedAt.toString());
  }
}
