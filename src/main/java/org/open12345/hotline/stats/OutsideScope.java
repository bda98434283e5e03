package org.open12345.hotline.stats;

import java.util.Map;
import org.open12345.hotline.problem.Problem;

/** A department's staff asked for figures of a department outside their own sub-tree. */
public final class OutsideScope extends Problem {
  public OutsideScope(String department) {
    super(Kind.FORBIDDEN, "outside_scope", "department '" + department
        + "' is outside the caller's department and its sub-departments", Map.of("field", "department"));
  }
}
