package org.open12345.hotline.evaluation;

import java.util.List;
import java.util.Objects;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;

/** Which ratings and cases an actor sees: a department its own; the centre everything. */
final class Visibility {
  private Visibility() {}

  static boolean sees(Actor actor, String departmentId) {
    return actor.role() != Role.DEPARTMENT || Objects.equals(actor.department(), departmentId);
  }

  /** The departments the actor sees, or null for all. */
  static List<String> scope(Actor actor) {
    return actor.role() == Role.DEPARTMENT ? List.of(actor.department()) : null;
  }
}
