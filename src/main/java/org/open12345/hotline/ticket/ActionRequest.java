package org.open12345.hotline.ticket;

import io.vertx.core.json.JsonObject;

/**
 * What comes with an action: a note for the log, the department a DISPATCH sends the ticket to,
 * the reason of a RETURN/STOP, the master ticket of a MERGE, the deadline policy of a DISPATCH,
 * the operator's answer of an ANSWER_ON_SPOT (直接办结). On creation, listeners get the
 * answer when the ticket is being answered on the spot (routing then does not dispatch it).
 */
public record ActionRequest(String note, String departmentId, String reason, String masterNumber, String policy,
    String answer) {

  public ActionRequest(String note, String departmentId, String reason, String masterNumber) {
    this(note, departmentId, reason, masterNumber, null, null);
  }

  public ActionRequest(String note, String departmentId, String reason, String masterNumber, String policy) {
    this(note, departmentId, reason, masterNumber, policy, null);
  }

  /** The request of an answer given on the call. */
  public static ActionRequest answeredOnSpot(String answer, String note) {
    return new ActionRequest(note, null, null, null, null, answer);
  }

  /** Only a note for the log. */
  public static ActionRequest note(String note) {
    return new ActionRequest(note, null, null, null, null, null);
  }

  public JsonObject toDetails() {
    JsonObject d = new JsonObject();
    if (note != null) d.put("note", note);
    if (departmentId != null) d.put("department_id", departmentId);
    if (reason != null) d.put("reason", reason);
    if (masterNumber != null) d.put("master_number", masterNumber);
    if (policy != null) d.put("policy", policy);
    if (answer != null) d.put("answer", answer);
    return d;
  }
}
