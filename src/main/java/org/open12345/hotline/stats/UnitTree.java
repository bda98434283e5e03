package org.open12345.hotline.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A snapshot of {@link DepartmentHierarchy}: names and sub-trees by id. Plain Java. */
public final class UnitTree {
  private final Map<String, DepartmentHierarchy.Unit> byId = new LinkedHashMap<>();
  private final Map<String, List<String>> children = new HashMap<>();

  public UnitTree(List<DepartmentHierarchy.Unit> units) {
    for (DepartmentHierarchy.Unit u : units) {
      byId.put(u.id(), u);
    }
    for (DepartmentHierarchy.Unit u : units) {
      if (u.parentId() != null && byId.containsKey(u.parentId())) {
        children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u.id());
      }
    }
  }

  public boolean contains(String id) {
    return id != null && byId.containsKey(id);
  }

  /** The department's name, or null for an id not in the tree. */
  public String name(String id) {
    DepartmentHierarchy.Unit u = id == null ? null : byId.get(id);
    return u == null ? null : u.name();
  }

  /** Every id, in the hierarchy's order. */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  /**
   * The department and every department under it, the department first, then depth-first in the
   * hierarchy's order; empty for an unknown id. A cycle in the input cannot loop: each id is
   * visited once.
   */
  public Set<String> subtree(String id) {
    if (!contains(id)) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    collect(id, out);
    return Collections.unmodifiableSet(out);
  }

  private void collect(String id, Set<String> out) {
    if (!out.add(id)) {
      return;
    }
    for (String child : children.getOrDefault(id, List.of())) {
      collect(child, out);
    }
  }
}
