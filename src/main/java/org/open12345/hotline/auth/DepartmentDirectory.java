package org.open12345.hotline.auth;

import java.util.List;

/**
 * The departments users may belong to, as the rule files list them now (implemented by routing).
 * Read at every request: a department removed from the files locks its users out at once.
 */
public interface DepartmentDirectory {
  boolean exists(String departmentId);

  /** The department and every department below it; empty when it does not exist. */
  List<String> subTree(String departmentId);
}
