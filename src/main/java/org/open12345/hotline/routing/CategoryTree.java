package org.open12345.hotline.routing;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The category codes in file order, with their names and parents. */
public final class CategoryTree {
  private final Map<String, Category> byCode;

  CategoryTree(List<Category> categories) {
    Map<String, Category> m = new LinkedHashMap<>();
    for (Category c : categories) {
      m.put(c.code(), c);
    }
    byCode = Collections.unmodifiableMap(m);
  }

  public Optional<Category> get(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  public boolean contains(String code) {
    return byCode.containsKey(code);
  }

  public Collection<Category> all() {
    return byCode.values();
  }

  public int size() {
    return byCode.size();
  }

  /** True when some known code starts with the prefix (a rule prefix that matches nothing is a typo). */
  public boolean anyStartsWith(String prefix) {
    for (String code : byCode.keySet()) {
      if (code.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Full path name, e.g. 公用事业 / 供热 / 室温不达标. */
  public String pathName(String code) {
    StringBuilder sb = new StringBuilder();
    for (Category c = byCode.get(code); c != null; c = c.parentCode() == null ? null : byCode.get(c.parentCode())) {
      sb.insert(0, sb.length() == 0 ? c.name() : c.name() + " / ");
    }
    return sb.toString();
  }
}
