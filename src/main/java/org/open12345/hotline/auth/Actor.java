package org.open12345.hotline.auth;

import java.util.List;

/**
 * The person, machine or server behind a request or a change: recorded on every ticket event.
 *
 * @param id the authenticated user's name, {@code token:<name>} for an API token, or a fixed
 *     name for the server's own and citizens' changes; never text a caller chose freely
 * @param department the department a DEPARTMENT actor works for; null for centre staff
 * @param scope the departments whose tickets this actor may see (its department's sub-tree),
 *     or null for centre staff, who see every ticket
 */
public record Actor(String id, Role role, String department, List<String> scope) {
  public static final Actor SYSTEM = new Actor("system", Role.SYSTEM, null);

  public Actor {
    scope = scope == null ? null : List.copyOf(scope);
  }

  /** An actor whose scope is its own department alone (or everything, for centre roles). */
  public Actor(String id, Role role, String department) {
    this(id, role, department, department == null ? null : List.of(department));
  }

  /** True when this actor may see tickets of {@code departmentId}. */
  public boolean sees(String departmentId) {
    return scope == null || (departmentId != null && scope.contains(departmentId));
  }
}
