package org.open12345.hotline.intake.voice;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** 回拨: an abandoned inbound call an operator must call back ({@code open} until marked {@code done}). */
public record CallbackTask(long id, String phone, String hotlineNumber, String status, Instant createdAt,
    Instant doneAt, String doneBy, String note, String callId, String provider) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("phone", phone).put("hotline_number", hotlineNumber)
        .put("status", status).put("created_at", createdAt == null ? null : createdAt.toString())
        .put("done_at", doneAt == null ? null : doneAt.toString()).put("done_by", doneBy).put("note", note)
        .put("call_id", callId).put("provider", provider);
  }
}
