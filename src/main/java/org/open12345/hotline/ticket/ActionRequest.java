package org.open12345.hotline.ticket;

import io.vertx.core.json.JsonObject;

/**
 * What comes with an action: a note for the log, the department a DISPATCH sends the ticket to,
 * the reason of a RETURN/STOP, the master ticket of a MERGE, the deadline policy of a DISPATCH.
 */
public record ActionRequest(String note, String departmentId, String reason, String masterNumber, String policy) {

  public ActionRequest(String note, String departmentId, String reason, String masterNumber) {
    this(note, departmentId, reason, masterNumber, null);
  }

  public JsonObject toDetails() {
    JsonObject d = new JsonObject();
    if (note != null) d.put("note", note);
    if (departmentId != null) d.put("department_id", departmentId);
    if (reason != null) d.put("reason", reason);
    if (masterNumber != null) d.put("master_number", masterNumber);
    if (policy != null) d.put("policy", policy);
    return d;
  }
}
