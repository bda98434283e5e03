package org.open12345.hotline.ticket;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What comes with an action: a note for the log, the department a DISPATCH sends the ticket to
 * (with its co-departments, 协办, and deadline policy), the reason of a RETURN/STOP, the master
 * ticket of a MERGE, the operator's answer of an ANSWER_ON_SPOT (直接办结). On creation,
 * listeners get the answer when the ticket is being answered on the spot (routing then does not
 * dispatch it).
 *
 * @param coDepartmentIds a DISPATCH's 协办 departments besides the lead; empty otherwise
 */
public record ActionRequest(String note, String departmentId, String reason, String masterNumber, String policy,
    String answer, List<String> coDepartmentIds) {

  public ActionRequest {
    coDepartmentIds = coDepartmentIds == null ? List.of() : List.copyOf(coDepartmentIds);
  }

  public ActionRequest(String note, String departmentId, String reason, String masterNumber) {
    this(note, departmentId, reason, masterNumber, null, null, null);
  }

  public ActionRequest(String note, String departmentId, String reason, String masterNumber, String policy) {
    this(note, departmentId, reason, masterNumber, policy, null, null);
  }

  /** The request of an answer given on the call. */
  public static ActionRequest answeredOnSpot(String answer, String note) {
    return new ActionRequest(note, null, null, null, null, answer, null);
  }

  /** A dispatch to a lead department with its co-departments (协办) and deadline policy (null = default). */
  public static ActionRequest dispatch(String note, String departmentId, List<String> coDepartmentIds,
      String policy) {
    return new ActionRequest(note, departmentId, null, null, policy, null, coDepartmentIds);
  }

  public JsonObject toDetails() {
    JsonObject d = new JsonObject();
    if (note != null) d.put("note", note);
    if (departmentId != null) d.put("department_id", departmentId);
    if (!coDepartmentIds.isEmpty()) d.put("co_department_ids", new JsonArray(coDepartmentIds));
    if (reason != null) d.put("reason", reason);
    if (masterNumber != null) d.put("master_number", masterNumber);
    if (policy != null) d.put("policy", policy);
    if (answer != null) d.put("answer", answer);
    return d;
  }
}
