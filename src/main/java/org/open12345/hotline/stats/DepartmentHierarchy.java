package org.open12345.hotline.stats;

import java.util.List;

/**
 * The department tree (承办单位, region → city → county → township), as the stats feature needs
 * it: for sub-tree roll-up, for a department's scope, and for names. The routing feature owns the
 * tree (routing-rules/departments.yaml); {@code app/} adapts it to this interface, so stats does
 * not depend on routing. Read at each request, so a reloaded rule file shows at once.
 */
@FunctionalInterface
public interface DepartmentHierarchy {

  /** Every department in force, parents before or after children (order is kept for display). */
  List<Unit> units();

  /**
   * One department.
   *
   * @param parentId null for a root
   */
  record Unit(String id, String name, String parentId) {}
}
