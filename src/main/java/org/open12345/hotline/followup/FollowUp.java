package org.open12345.hotline.followup;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One try of a follow-up (回访) as stored.
 *
 * @param result null while an SMS question waits for its answer
 * @param conclusion set on the try that ended the follow-up
 * @param expiresAt an SMS question's end of the reply window; null for a call
 */
public record FollowUp(long id, long ticketId, String departmentId, String method, FollowUpResult result,
    FollowUpConclusion conclusion, Instant askedAt, Instant expiresAt, Instant answeredAt, String recordedBy,
    String note) {

  static final String COLUMNS = "id, ticket_id, department_id, method, result, conclusion, asked_at, expires_at, "
      + "answered_at, recorded_by, note";

  static FollowUp from(Row r) {
    String result = r.getString("result");
    String conclusion = r.getString("conclusion");
    return new FollowUp(r.getLong("id"), r.getLong("ticket_id"), r.getString("department_id"),
        r.getString("method"), result == null ? null : FollowUpResult.valueOf(result),
        conclusion == null ? null : FollowUpConclusion.valueOf(conclusion), instant(r.getOffsetDateTime("asked_at")),
        instant(r.getOffsetDateTime("expires_at")), instant(r.getOffsetDateTime("answered_at")),
        r.getString("recorded_by"), r.getString("note"));
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("method", method)
        .put("result", result == null ? null : result.name())
        .put("result_label", result == null ? null : result.label())
        .put("conclusion", conclusion == null ? null : conclusion.name())
        .put("conclusion_label", conclusion == null ? null : conclusion.label())
        .put("department_id", departmentId)
        .put("asked_at", askedAt.toString())
        .put("expires_at", expiresAt == null ? null : expiresAt.toString())
        .put("answered_at", answeredAt == null ? null : answeredAt.toString())
        .put("recorded_by", recordedBy)
        .put("note", note);
  }
}
