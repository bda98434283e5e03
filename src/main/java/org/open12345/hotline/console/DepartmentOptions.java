package org.open12345.hotline.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.routing.Department;
import org.open12345.hotline.routing.DepartmentTree;
import org.open12345.hotline.routing.RuleSetHolder;

/** The department tree as pickers and labels show it, from the rule files in force. */
final class DepartmentOptions {
  private final RuleSetHolder rules;

  DepartmentOptions(RuleSetHolder rules) {
    this.rules = rules;
  }

  /** The department's name, or its id when the files no longer list it. */
  String name(String id) {
    if (id == null) {
      return null;
    }
    return rules.current().departments().get(id).map(Department::name).orElse(id);
  }

  /** Every department, parents before children, indented by depth: the dispatch picker. */
  List<Map<String, String>> picker() {
    DepartmentTree tree = rules.current().departments();
    List<Map<String, String>> out = new ArrayList<>();
    tree.roots().forEach(d -> add(tree, d, 0, out));
    return out;
  }

  private static void add(DepartmentTree tree, Department d, int depth, List<Map<String, String>> out) {
    out.add(Map.of("id", d.id(), "label", "\u3000".repeat(depth) + d.name()));
    tree.children(d.id()).forEach(c -> add(tree, c, depth + 1, out));
  }
}
