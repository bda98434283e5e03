package org.open12345.hotline.identity;

import java.util.Set;
import org.open12345.hotline.auth.DepartmentDirectory;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.problem.InvalidField;

/** Which role an account or token may have, and the department that goes with it. */
final class Memberships {
  private Memberships() {}

  /**
   * @param allowed the roles this kind of credential may have
   * @param operatorMayHaveDepartment users: an operator may belong to a sub-centre (分中心)
   * @return the department id to store (null for centre roles)
   */
  static String check(Role role, String departmentId, Set<Role> allowed, boolean operatorMayHaveDepartment,
      DepartmentDirectory directory) {
    if (role == null || !allowed.contains(role)) {
      throw new InvalidField("role", "one of " + allowed);
    }
    String d = departmentId == null || departmentId.isBlank() ? null : departmentId.trim();
    if (role == Role.DEPARTMENT && d == null) {
      throw new InvalidField("department_id", "is required for role DEPARTMENT");
    }
    if (d != null && role != Role.DEPARTMENT && !(operatorMayHaveDepartment && role == Role.OPERATOR)) {
      throw new InvalidField("department_id", "only DEPARTMENT" + (operatorMayHaveDepartment ? " and OPERATOR" : "")
          + " accounts belong to a department");
    }
    if (d != null && !directory.exists(d)) {
      throw new InvalidField("department_id", "unknown department '" + d + "' (not in routing-rules/departments.yaml)");
    }
    return d;
  }
}
