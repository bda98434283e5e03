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

  /** The roles as a picker: value and Chinese label. */
  static List<Map<String, String>> roles(Set<Role> allowed) {
    return allowed.stream().map(r -> Map.of("value", r.name(), "label", r.label() + "（" + r.name() + "）")).toList();
  }
}
