package org.open12345.hotline.console;

import java.util.Map;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;

/**
 * The signed-in person a page is for: the actor (scope resolved), the session's CSRF token every
 * form carries, and the department's name for the user menu.
 */
record Viewer(Actor actor, String csrfToken, String departmentName) {
  Role role() {
    return actor.role();
  }

  /** What the layout shows: the user menu and the navigation of this role. */
  Map<String, Object> layout() {
    return Map.of("me", Map.of("name", actor.id(), "role", role().name(), "roleLabel", role().label(),
            "department", departmentName == null ? "" : departmentName),
        "csrfToken", csrfToken == null ? "" : csrfToken, "home", ConsoleHome.pathOf(role()));
  }
}
