package org.open12345.hotline.routing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.auth.DepartmentDirectory;

/**
 * The department directory the access checks use, over the rule files in force: a department's
 * users see its whole sub-tree. Follows reloads: a department removed from the files is gone at
 * the next request.
 */
public final class DepartmentScopes implements DepartmentDirectory {
  private final RuleSetHolder rules;
  private volatile Computed computed;

  private record Computed(RuleSet from, Map<String, List<String>> subTrees) {}

  public DepartmentScopes(RuleSetHolder rules) {
    this.rules = rules;
  }

  @Override
  public boolean exists(String departmentId) {
    return departmentId != null && rules.current().departments().get(departmentId).isPresent();
  }

  @Override
  public List<String> subTree(String departmentId) {
    return departmentId == null ? List.of() : subTrees().getOrDefault(departmentId, List.of());
  }

  /** Computed once per rule set; a reload swaps the rule set, and the next call recomputes. */
  private Map<String, List<String>> subTrees() {
    RuleSet now = rules.current();
    Computed c = computed;
    if (c == null || c.from() != now) {
      c = new Computed(now, compute(now.departments()));
      computed = c;
    }
    return c.subTrees();
  }

  static Map<String, List<String>> compute(DepartmentTree tree) {
    Map<String, List<String>> out = new HashMap<>();
    for (Department d : tree.all()) {
      List<String> ids = new ArrayList<>();
      Deque<String> todo = new ArrayDeque<>(List.of(d.id()));
      while (!todo.isEmpty()) {
        String id = todo.removeFirst();
        ids.add(id);
        tree.children(id).forEach(child -> todo.addLast(child.id()));
      }
      out.put(d.id(), List.copyOf(ids));
    }
    return Map.copyOf(out);
  }
}
