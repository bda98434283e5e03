package org.open12345.hotline.intake;

import org.open12345.hotline.problem.Problem;

/** An emergency someone already marked 已转接 or 已处理: the second mark is refused (409). */
final class EmergencyHandled extends Problem {
  EmergencyHandled(long id) {
    super(Kind.CONFLICT, "emergency_already_handled", "该紧急情况已由他人标记处理（emergency transfer " + id
        + " is already handled）", null);
  }
}
