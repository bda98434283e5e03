package org.open12345.hotline.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The department directory as a tree (region → city → county → township, with agencies and
 * enterprises under the area that owns them). Built only from a validated, acyclic list.
 */
public final class DepartmentTree {
  private final Map<String, Department> byId;
  private final Map<String, Department> byAreaCode = new HashMap<>();
  private final Map<String, List<Department>> children = new HashMap<>();
  private final Map<String, Integer> index = new HashMap<>();
  private final int[][] ancestorsOrSelf;
  private final List<Department> roots = new ArrayList<>();
  private final Department[] byIndex;

  DepartmentTree(List<Department> departments) {
    Map<String, Department> m = new LinkedHashMap<>();
    for (Department d : departments) {
      m.put(d.id(), d);
    }
    this.byId = Collections.unmodifiableMap(m);
    byIndex = departments.toArray(Department[]::new);
    int i = 0;
    for (Department d : departments) {
      index.put(d.id(), i++);
      if (d.areaCode() != null) {
        byAreaCode.put(d.areaCode(), d);
      }
      if (d.parentId() == null) {
        roots.add(d);
      } else {
        children.computeIfAbsent(d.parentId(), k -> new ArrayList<>()).add(d);
      }
    }
    ancestorsOrSelf = new int[departments.size()][];
    for (Department d : departments) {
      List<Integer> chain = new ArrayList<>();
      for (Department c = d; c != null; c = c.parentId() == null ? null : byId.get(c.parentId())) {
        chain.add(index.get(c.id()));
      }
      ancestorsOrSelf[index.get(d.id())] = chain.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  public Optional<Department> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Optional<Department> byAreaCode(String code) {
    return Optional.ofNullable(byAreaCode.get(code));
  }

  /** A department id or an area code, as a ticket's area may carry either. */
  public Optional<Department> resolveArea(String idOrAreaCode) {
    if (idOrAreaCode == null) {
      return Optional.empty();
    }
    Department d = byId.get(idOrAreaCode);
    return Optional.ofNullable(d != null ? d : byAreaCode.get(idOrAreaCode));
  }

  /**
   * Whether a department makes the callbacks of its own 差评: its {@code rating_callback}, or the
   * nearest ancestor's; the centre when none says (or the department is unknown).
   */
  public boolean callbackByDepartment(String id) {
    for (Department d = id == null ? null : byId.get(id); d != null;
        d = d.parentId() == null ? null : byId.get(d.parentId())) {
      if (d.callsBackOwnBadRatings() != null) {
        return d.callsBackOwnBadRatings();
      }
    }
    return false;
  }

  public Collection<Department> all() {
    return byId.values();
  }

  public int size() {
    return byId.size();
  }

  public List<Department> roots() {
    return List.copyOf(roots);
  }

  public List<Department> children(String id) {
    return List.copyOf(children.getOrDefault(id, List.of()));
  }

  public Optional<Department> parent(String id) {
    Department d = byId.get(id);
    return d == null || d.parentId() == null ? Optional.empty() : get(d.parentId());
  }

  /** The department itself first, then its parent, up to the root. */
  public List<Department> ancestorsOrSelf(String id) {
    List<Department> out = new ArrayList<>();
    for (Department d = byId.get(id); d != null; d = d.parentId() == null ? null : byId.get(d.parentId())) {
      out.add(d);
    }
    return out;
  }

  /** True when {@code id} is {@code ancestorId} or lies inside it. */
  public boolean isWithin(String id, String ancestorId) {
    Integer a = index.get(ancestorId);
    Integer d = index.get(id);
    if (a == null || d == null) {
      return false;
    }
    for (int x : ancestorsOrSelf[d]) {
      if (x == a) {
        return true;
      }
    }
    return false;
  }

  int indexOf(String id) {
    Integer i = index.get(id);
    return i == null ? -1 : i;
  }

  Department byIndex(int i) {
    return byIndex[i];
  }

  int[] ancestorIndexes(int departmentIndex) {
    return ancestorsOrSelf[departmentIndex];
  }
}
