package org.open12345.hotline.ticket;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;

/** One entry of a ticket's append-only history. */
public record TicketEvent(
    long id, Instant at, String actor, String role, String action, String fromStatus, String toStatus,
    JsonObject details) {

  public static TicketEvent from(Row r) {
    Object d = r.getValue("details");
    return new TicketEvent(
        r.getLong("id"),
        r.getOffsetDateTime("at").toInstant(),
        r.getString("actor"),
        r.getString("role"),
        r.getString("action"),
        r.getString("from_status"),
        r.getString("to_status"),
        d instanceof JsonObject jo ? jo : new JsonObject());
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("at", at.toString())
        .put("actor", actor)
        .put("role", role)
        .put("action", action)
        .put("from_status", fromStatus)
        .put("to_status", toStatus)
        .put("details", details);
  }
}
