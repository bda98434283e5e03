package org.open12345.hotline.intake.open311;

import java.util.ArrayList;
import java.util.List;
import org.open12345.hotline.routing.Category;
import org.open12345.hotline.routing.CategoryTree;

/**
 * The Open311 service list is the category tree of the routing rules: every leaf category is a
 * service (its code is the service_code), grouped under its top-level category, so a rule change
 * that adds a category publishes it as a service with the next reload.
 */
public final class Open311Services {
  private Open311Services() {}

  public static List<Open311Service> fromCategories(CategoryTree tree) {
    List<Open311Service> out = new ArrayList<>();
    for (Category c : tree.all()) {
      boolean leaf = tree.all().stream().noneMatch(other -> c.code().equals(other.parentCode()));
      if (leaf) {
        out.add(new Open311Service(c.code(), c.name(), tree.pathName(c.code()), top(tree, c).name(), List.of()));
      }
    }
    out.sort(java.util.Comparator.comparing(Open311Service::code));
    return out;
  }

  private static Category top(CategoryTree tree, Category c) {
    Category at = c;
    while (at.parentCode() != null && tree.get(at.parentCode()).isPresent()) {
      at = tree.get(at.parentCode()).get();
    }
    return at;
  }
}
