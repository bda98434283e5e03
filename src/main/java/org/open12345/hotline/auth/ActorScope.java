package org.open12345.hotline.auth;

import java.util.List;

/**
 * Resolves what an authenticated actor may see: a department user its department's sub-tree (a
 * department gone from the files locks it out), centre staff everything. Shared by the API's
 * access handler and the console's pages, so both scope a user the same way.
 */
public final class ActorScope {
  private ActorScope() {}

  /** @throws AccessRefused 403 {@code department_unknown} when a department user's department is gone */
  public static Actor resolve(Actor actor, DepartmentDirectory departments) {
    if (actor.role() != Role.DEPARTMENT) {
      return new Actor(actor.id(), actor.role(), null, null);
    }
    List<String> subTree = departments.subTree(actor.department());
    if (subTree.isEmpty()) {
      throw AccessRefused.forbidden("department_unknown", "department '" + actor.department()
          + "' of this account is no longer in the department directory (routing-rules/departments.yaml); "
          + "the account is locked until an administrator moves it to an existing department");
    }
    return new Actor(actor.id(), actor.role(), actor.department(), subTree);
  }
}
