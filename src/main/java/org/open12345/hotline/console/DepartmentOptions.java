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

  /**
   * The same departments as a tree for nested lists, flattened in order: each node with its
   * {@code depth}, whether it is a {@code leaf}, its number of {@code children}, and
   * {@code closes}, one entry per nested list that ends after it (a template cannot recurse
   * cheaply, so it opens a list after a parent and closes as many as this says).
   */
  List<Map<String, Object>> tree() {
    DepartmentTree tree = rules.current().departments();
    List<Map<String, Object>> out = new ArrayList<>();
    List<Department> roots = tree.roots();
    for (Department d : roots) {
      node(tree, d, 0, 0, out);
    }
    return out;
  }

  /** @param closing how many nested lists end after this node's sub-tree */
  private static void node(DepartmentTree tree, Department d, int depth, int closing, List<Map<String, Object>> out) {
    List<Department> children = tree.children(d.id());
    Map<String, Object> m = new java.util.HashMap<>();
    m.put("id", d.id());
    m.put("name", d.name());
    m.put("depth", depth);
    m.put("leaf", children.isEmpty());
    m.put("children", children.size());
    m.put("closes", children.isEmpty() ? java.util.Collections.nCopies(closing, 1) : List.of());
    out.add(m);
    for (int i = 0; i < children.size(); i++) {
      // The last child closes this node's list too, and whatever was closing after this node.
      node(tree, children.get(i), depth + 1, i == children.size() - 1 ? closing + 1 : 0, out);
    }
  }

  private static void add(DepartmentTree tree, Department d, int depth, List<Map<String, String>> out) {
    out.add(Map.of("id", d.id(), "label", "\u3000".repeat(depth) + d.name()));
    tree.children(d.id()).forEach(c -> add(tree, c, depth + 1, out));
  }
}
