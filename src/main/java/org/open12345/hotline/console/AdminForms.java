package org.open12345.hotline.console;

import io.vertx.core.MultiMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.open12345.hotline.auth.Role;

/** Form values of the administrator's pages, and the role pickers they show. */
final class AdminForms {
  private AdminForms() {}

  /** A trimmed field, or null when empty; longer than {@code max} is cut (the service checks the rest). */
  static String text(MultiMap form, String name, int max) {
    String v = form.get(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    String t = v.strip();
    return t.length() > max ? t.substring(0, max) : t;
  }

  /** What was typed, to show the form again after a refusal. */
  static Map<String, String> typed(MultiMap form) {
    Map<String, String> out = new HashMap<>();
    form.names().forEach(n -> {
      if (!n.equals("csrf_token")) {
        out.put(n, form.get(n));
      }
    });
    return out;
  }

  /**
   * The values every administrator's list page shows: its rows under {@code listKey}, the create
   * form's pickers and what was typed into it, a secret just issued, a notice or an error.
   */
  static Map<String, Object> page(String listKey, List<Map<String, Object>> rows, Set<Role> roles,
      DepartmentOptions departments, Map<String, String> typed, Map<String, String> issued, String notice,
      String error) {
    Map<String, Object> v = new HashMap<>();
    v.put(listKey, rows);
    v.put("roles", roles(roles));
    v.put("departments", departments.picker());
    v.put("typed", typed);
    v.put("issued", issued);
    v.put("notice", notice);
    v.put("error", error);
    return v;
  }

  /** The roles as a picker: value and Chinese label. */
  static List<Map<String, String>> roles(Set<Role> allowed) {
    return allowed.stream().map(r -> Map.of("value", r.name(), "label", r.label() + "（" + r.name() + "）")).toList();
  }
}
