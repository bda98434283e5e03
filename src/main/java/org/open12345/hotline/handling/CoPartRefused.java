package org.open12345.hotline.handling;

import java.util.Map;
import org.open12345.hotline.problem.Problem;

/** A co-department (协办) action the caller or the part's state does not allow; nothing was written. */
public final class CoPartRefused extends Problem {
  private CoPartRefused(Kind kind, String code, String message, Map<String, Object> details) {
    super(kind, code, message, details);
  }

  static CoPartRefused notADepartment() {
    return new CoPartRefused(Kind.FORBIDDEN, "forbidden_action",
        "only a co-department's staff (role DEPARTMENT) add notes and answers to its part", null);
  }

  static CoPartRefused closed(String number, String departmentId, String reason) {
    return new CoPartRefused(Kind.CONFLICT, "co_part_closed", departmentId + "'s part of ticket " + number
        + " is closed (" + reason + ")", Map.of("department_id", departmentId, "close_reason", reason));
  }

  static CoPartRefused alreadyAnswered(String number, String departmentId) {
    return new CoPartRefused(Kind.CONFLICT, "co_part_answered",
        departmentId + " already gave its part of the answer to ticket " + number, Map.of("department_id", departmentId));
  }
}
