package org.open12345.hotline.handling;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A co-department's part (协办) of a ticket, as stored. */
public record CoPart(long id, long ticketId, String departmentId, String status, Instant assignedAt, String answer,
    Instant answeredAt, String answeredBy, Instant closedAt, String closeReason) {

  static final String COLUMNS = "id, ticket_id, department_id, status, assigned_at, answer, answered_at, answered_by, "
      + "closed_at, close_reason";

  static CoPart from(Row r) {
    return new CoPart(r.getLong("id"), r.getLong("ticket_id"), r.getString("department_id"), r.getString("status"),
        instant(r.getOffsetDateTime("assigned_at")), r.getString("answer"), instant(r.getOffsetDateTime("answered_at")),
        r.getString("answered_by"), instant(r.getOffsetDateTime("closed_at")), r.getString("close_reason"));
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  public boolean isClosed() {
    return "CLOSED".equals(status);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("department_id", departmentId)
        .put("status", status)
        .put("assigned_at", assignedAt.toString())
        .put("answer", answer)
        .put("answered_at", answeredAt == null ? null : answeredAt.toString())
        .put("answered_by", answeredBy)
        .put("closed_at", closedAt == null ? null : closedAt.toString())
        .put("close_reason", closeReason);
  }
}
